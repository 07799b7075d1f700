package org.tesseracrm.kernel.api.security;

import java.util.Optional;
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
}
