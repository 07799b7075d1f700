package org.tesseracrm.reports.api;

import java.util.Set;

/**
 * Who besides its owner sees a saved report: everyone with {@code reports.view}, users of some roles, members of
 * some groups. A private report shares with none of them. Admins ({@code reports.admin}) see every report. Seeing a
 * report never shows more data: it runs as the viewer.
 *
 * @param everyone every user with {@code reports.view}
 * @param roles role ids whose users see it (a role only, not the roles below it)
 * @param groups group ids whose members see it
 */
public record Sharing(boolean everyone, Set<String> roles, Set<String> groups) {
    /** Nobody but the owner. */
    public static final Sharing PRIVATE = new Sharing(false, Set.of(), Set.of());

    /** Copies the sets; null is none. */
    public Sharing {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** @return whether nobody but the owner (and admins) sees the report */
    public boolean isPrivate() {
        return !everyone && roles.isEmpty() && groups.isEmpty();
    }
}
