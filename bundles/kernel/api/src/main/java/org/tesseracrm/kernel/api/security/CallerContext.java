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
}
