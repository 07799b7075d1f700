package org.tesseracrm.kernel.api.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place that decides what the current caller (see {@link CallerContext}) may do. Every
 * service method of every module asks it before doing anything else; the UI asks it only to hide
 * what would be refused anyway.
 *
 * <p>Permissions come from the caller's profile: a set of permission ids such as
 * {@code contacts.edit}, or full access. Record visibility comes from the role tree: a caller sees the
 * records they own and those owned by users whose role is below theirs. {@link Caller#SYSTEM} may do
 * everything; an inactive or unknown user may do nothing.
 */
@ProviderType
public interface AccessControl {
    /**
     * @param permission a permission id, e.g. {@code contacts.view}
     * @return the caller, who holds the permission
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a caller, for an inactive
     *     account, or if the caller's profile lacks the permission
     */
    Caller require(String permission);

    /**
     * @param permission a permission id
     * @return whether the current caller holds it (false without a caller)
     */
    boolean permitted(String permission);

    /**
     * @return whose records the current caller may see, to put into the database query
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without an active caller
     */
    Visibility visibility();

    /**
     * Checks that the current caller may hand a record over to a user: that user is active and their
     * role is the caller's or below it.
     *
     * @param username the new owner
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException if not
     */
    void checkAssignable(String username);

    /** @return the active users the current caller may assign records to, sorted by name */
    List<String> assignableUsers();

    /**
     * @return the active users who share a group with the current caller, the caller included (a
     *     user's "team" for views such as My activities; it grants no visibility of its own)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without an active caller
     */
    Set<String> groupMates();

    /**
     * @return the branch of each user whose records the current caller sees, "" for users without one
     *     (for reports filtered by branch)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without an active caller
     */
    Map<String, String> branches();

    /**
     * Checks that the current call may touch records of a type: a call that came in with an API token limited to
     * some record types ({@link CallerContext#token()}) may touch only those. REST resources that name a record type
     * call it (the API does for a path parameter {@code {type}}); without a token it allows everything.
     *
     * @param recordType a record type id, e.g. {@code contact}
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException if the call's token does not cover the type
     */
    default void requireRecordType(String recordType) {
        throw new UnsupportedOperationException("This access control does not know API tokens");
    }

    /**
     * @return the current caller's name and what they may do
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without an active caller, or for the system
     */
    default CallerInfo me() {
        throw new UnsupportedOperationException("This access control cannot describe the caller");
    }

    /**
     * The caller's place in the role tree: their role, every role below it and the users of each. It is what the
     * caller may look at in figures that follow the hierarchy (forecasts): their own role and its members, and the
     * roles below; never a role above theirs or a sibling branch. It grants no record visibility of its own.
     *
     * @return the current caller's role scope; without a role, a scope with no roles
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without an active caller, or for the system
     * @since 1.3
     */
    default RoleScope roleScope() {
        throw new UnsupportedOperationException("This access control does not know the role tree");
    }
}
