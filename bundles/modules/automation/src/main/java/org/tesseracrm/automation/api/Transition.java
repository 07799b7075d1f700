package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One allowed move of a {@link Blueprint}: from a state to another, who may make it and which fields it needs.
 *
 * @param name a name unique in the blueprint, e.g. "Qualify"
 * @param from the state it starts from; {@link #ANY} for every state (a blank field too)
 * @param to the state it ends in
 * @param users user names who may make it
 * @param roles role names whose users may make it
 * @param groups group names whose members may make it; when users, roles and groups are all empty, anyone who may
 *     edit the record may
 * @param requiredFields fields that must not be blank after the move (the UI asks for them in a dialog)
 */
public record Transition(String name, String from, String to, Set<String> users, Set<String> roles,
        Set<String> groups, List<String> requiredFields) {
    /** The {@code from} of a transition allowed from every state. */
    public static final String ANY = "*";

    /** Checks the parts are present and keeps unmodifiable copies. */
    public Transition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        users = Set.copyOf(users);
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
        requiredFields = List.copyOf(requiredFields);
    }

    /** @return whether anyone who may edit the record may make it */
    public boolean open() {
        return users.isEmpty() && roles.isEmpty() && groups.isEmpty();
    }
}
