package org.tesseracrm.kernel.api.security;

import java.util.Set;

/**
 * What an administrator enters for a user.
 *
 * @param username the login name (ignored on update)
 * @param fullName the name shown to others
 * @param email the e-mail address, may be empty
 * @param branch the branch or office, may be empty
 * @param roleId the role, may be null
 * @param profileId the permission profile, may be null
 * @param groupIds the groups
 */
public record UserInput(String username, String fullName, String email, String branch, Long roleId, Long profileId,
        Set<Long> groupIds) {
    /** Copies the groups; null means none. */
    public UserInput {
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    }
}
