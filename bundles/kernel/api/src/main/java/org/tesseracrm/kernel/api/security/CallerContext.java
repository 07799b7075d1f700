package org.tesseracrm.kernel.api.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the service call running on the current thread. The UI shell binds the logged-in
 * user around each request; services read it to stamp owners and (later) check permissions.
 */
@ProviderType
public interface CallerContext {
    /** @return the caller bound to this thread, if any */
    Optional<Caller> current();

    /**
     * Runs work on this thread as the given caller and restores the previous caller afterwards.
     *
     * @param caller who the work runs as
     * @param work what to run
     * @param <T> the result type
     * @return what the work returned
     */
    <T> T callAs(Caller caller, Supplier<T> work);

    /**
     * @return the API token the work on this thread came in with, if it came through the REST API; it stays bound
     *     through nested {@link #callAs} calls, because that work still came through the API
     */
    default Optional<ApiToken> token() {
        return Optional.empty();
    }

    /**
     * Runs work on this thread as the token's user, marked as coming through the REST API with this token (the audit
     * trail says so; {@link AccessControl#requireRecordType} applies its record types), and restores the previous
     * caller and token afterwards.
     *
     * @param token the token the call was authenticated with ({@link ApiTokens#authenticate})
     * @param work what to run
     * @param <T> the result type
     * @return what the work returned
     */
    default <T> T callWithToken(ApiToken token, Supplier<T> work) {
        throw new UnsupportedOperationException("This caller context cannot bind API tokens");
    }

    /**
     * Runs work as the current caller with some permissions added to those of their profile, for that work only: a
     * service that allows an operation on a narrower permission than the platform service it calls (moving an
     * opportunity's phase with {@code opportunities.move-phase}, which {@code Records.update} would refuse without
     * {@code opportunities.edit}) checks the narrow permission itself and then calls the platform with the wider one.
     * Unlike {@code callAs(Caller.SYSTEM, ...)}, the work still runs as the user: {@link AccessControl#require} returns
     * them, so the record platform's change, its audit entry and its record event name the user, and their record
     * visibility, assignable users and API token still apply. Only the listed permissions are added; an inactive
     * account gets none; a nested {@link #callAs} or {@link #callWithToken} runs without them; they are gone when the
     * work returns or fails. Call it only after checking the caller's own right to the operation, with work that does
     * no more than that operation.
     *
     * @param permissions the permission ids to add, e.g. {@code opportunities.edit}
     * @param work what to run
     * @param <T> the result type
     * @return what the work returned
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException if no caller is bound to this thread
     */
    default <T> T callWithPermissions(Set<String> permissions, Supplier<T> work) {
        throw new UnsupportedOperationException("This caller context cannot add permissions");
    }

    /**
     * @return the permissions {@link #callWithPermissions} added to the current caller's for the work running on this
     *     thread (empty outside such work, and inside a nested {@link #callAs})
     */
    default Set<String> addedPermissions() {
        return Set.of();
    }
}
