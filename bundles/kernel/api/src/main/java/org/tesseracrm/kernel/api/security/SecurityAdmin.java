package org.tesseracrm.kernel.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Users, roles, groups and permission profiles. Every method requires the permission
 * {@link #MANAGE_USERS}; every change is audited.
 */
@ProviderType
public interface SecurityAdmin {
    /** The permission to manage users, roles, groups and profiles. */
    String MANAGE_USERS = "administration.users";

    /** @return every user, sorted by user name */
    List<UserInfo> users();

    /**
     * @param user the new user's values
     * @param initialPassword a password the user must change at first sign-in
     * @return the stored user
     * @throws org.tesseracrm.kernel.api.ValidationException with a message per wrong field
     */
    UserInfo createUser(UserInput user, char[] initialPassword);

    /**
     * @param id the user to change; the user name cannot change
     * @param user the new values
     * @return the stored user
     */
    UserInfo updateUser(long id, UserInput user);

    /**
     * Deactivated users cannot sign in and their open sessions end at their next request; their
     * records stay.
     *
     * @param id the user
     * @param active the new state
     */
    void setActive(long id, boolean active);

    /**
     * Sets a new password, which the user must change at their next sign-in, and lifts a lockout.
     *
     * @param id the user
     * @param password the temporary password
     */
    void resetPassword(long id, char[] password);

    /** @return every role, parents before children, siblings by name */
    List<RoleInfo> roles();

    /**
     * @param id the role to change, or null for a new role
     * @param name unique role name
     * @param parentId the role above it; null for a top role; never the role itself or one below it
     * @return the stored role
     */
    RoleInfo saveRole(Long id, String name, Long parentId);

    /**
     * @param id a role without users and without roles below it
     */
    void deleteRole(long id);

    /** @return every group, by name */
    List<GroupInfo> groups();

    /**
     * @param id the group to rename, or null for a new group
     * @param name unique group name
     * @return the stored group
     */
    GroupInfo saveGroup(Long id, String name);

    /** @param id a group; its members lose only the membership */
    void deleteGroup(long id);

    /** @return every profile, by name */
    List<ProfileInfo> profiles();

    /**
     * @param profile the profile; id null for a new one
     * @return the stored profile
     */
    ProfileInfo saveProfile(ProfileInfo profile);

    /** @param id a profile no user has */
    void deleteProfile(long id);
}
