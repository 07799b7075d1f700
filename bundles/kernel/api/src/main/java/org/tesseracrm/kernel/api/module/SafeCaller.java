package org.tesseracrm.kernel.api.module;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one guard around every call from the kernel into module code (openHAB's {@code SafeCaller} is
 * the model): a contribution that throws, or does not answer in time, is logged once with its bundle,
 * skipped and reported as degraded in {@code /health} and Administration → Modules, and never breaks
 * the screen or the service that called it.
 *
 * <p>A {@link org.tesseracrm.kernel.api.CrmException} is not a failure: it is the module's answer to
 * the user (a refusal, a validation message). {@link #call} and {@link #callWithTimeout} drop it
 * quietly, {@link #require} passes it on unchanged.
 *
 * <p>What is degraded is forgotten when the contribution's bundle stops (an update or uninstall), so
 * a fixed version starts clean. The kernel implements this service; a module calls it only when it
 * calls into other modules' code itself.
 *
 * @since module 1.2
 */
@ProviderType
public interface SafeCaller {
    /**
     * Calls module code on this thread: for calls that must run where they are called (on the Vaadin
     * UI thread, inside the caller's transaction).
     *
     * @param contribution the module's service object, which names the bundle and the contribution
     * @param operation what is called, e.g. {@code create}, for the log and the degraded list
     * @param call the call
     * @param <T> the result type
     * @return what the call returned; empty if it failed or returned null
     */
    <T> Optional<T> call(Object contribution, String operation, Supplier<T> call);

    /**
     * Calls module code that may block (reads) on the kernel's bounded pool, as the caller of this
     * thread, and waits at most the configured timeout. A call that times out is interrupted and
     * degrades the contribution; the same operation of that contribution is then skipped for a
     * while, and so is any call while an earlier one of it still runs, so one hung module cannot
     * hold every list. Not for code that touches Vaadin components or needs this thread's
     * transaction.
     *
     * @param contribution the module's service object
     * @param operation what is called, e.g. {@code decorate}
     * @param call the call
     * @param <T> the result type
     * @return what the call returned; empty if it failed, timed out, was skipped or returned null
     */
    <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call);

    /**
     * Calls module code whose answer the caller cannot do without (a record type's check before a
     * write, a bulk action's run) on this thread. A {@link org.tesseracrm.kernel.api.CrmException}
     * passes unchanged; any other failure is logged once, degrades the contribution and is refused
     * with a {@code CrmException} naming an error id that is also in the log, so the caller's work
     * stops and nothing it guards gets through.
     *
     * @param contribution the module's service object
     * @param operation what is called, e.g. {@code check}
     * @param call the call
     * @param <T> the result type
     * @return what the call returned
     * @throws org.tesseracrm.kernel.api.CrmException the module's own, or the refusal of a failure
     */
    <T> T require(Object contribution, String operation, Supplier<T> call);

    /** @return the contributions that failed since their bundle started, oldest first */
    List<DegradedContribution> degraded();
}
