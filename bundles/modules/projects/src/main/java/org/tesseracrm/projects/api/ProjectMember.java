package org.tesseracrm.projects.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A user who works on a project: members see the project (and its notes, files and activities) even when they do not
 * own it, as far as their profile lets them see projects at all.
 *
 * @param username the member's user name
 * @param role what the member does on the project, e.g. "Consultant"; empty for none
 * @param addedBy who added them
 * @param addedAt when
 */
public record ProjectMember(String username, String role, String addedBy, Instant addedAt) {
    /** Checks the parts are present. */
    public ProjectMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
