package org.tesseracrm.kernel.api.security;

import java.util.Set;

/**
 * A user as administrators see it.
 *
 * @param id the user id
 * @param username the login name, which never changes
 * @param fullName the name shown to others
 * @param email the e-mail address, may be empty
 * @param branch the branch or office, may be empty
 * @param roleId the role, null if none (then the user sees only their own records)
 * @param profileId the permission profile, null if none (then the user may do nothing)
 * @param groupIds the groups
 * @param active whether the user may sign in
 * @param locked whether sign-in is blocked after wrong passwords right now
 */
public record UserInfo(long id, String username, String fullName, String email, String branch, Long roleId,
        Long profileId, Set<Long> groupIds, boolean active, boolean locked) {
    /** Copies the groups. */
    public UserInfo {
        groupIds = Set.copyOf(groupIds);
    }
}
