package org.tesseracrm.kernel.api.security;

import java.util.Set;

/**
 * Whose records a caller may see. Modules turn it into a condition of their database query, e.g.
 * {@code WHERE c.owner IN :owners} unless {@link #all()}, and never filter loaded rows instead.
 *
 * @param all whether the caller sees every record (full-access profile or the system)
 * @param owners the owners whose records the caller sees when not {@code all}; always contains the
 *     caller
 */
public record Visibility(boolean all, Set<String> owners) {
    /** Copies the owners. */
    public Visibility {
        owners = Set.copyOf(owners);
    }

    /**
     * @param owner a record's owner
     * @return whether the caller sees a record owned by them
     */
    public boolean canSee(String owner) {
        return all || owners.contains(owner);
    }
}
