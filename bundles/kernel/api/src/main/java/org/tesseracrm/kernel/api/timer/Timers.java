package org.tesseracrm.kernel.api.timer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Schedules durable timers. A timer is a row in the CRM database naming a handler, a key, a due time
 * and a short text payload; when it comes due, one node (the one whose claim succeeds) passes it to the
 * {@link TimerHandler} registered under that name. Timers survive restarts (one due while the CRM was
 * down runs at the next start) and wait while their handler is not registered.
 *
 * <p>Scheduling joins the caller's transaction when there is one (a timer scheduled for a change
 * that is rolled back is rolled back with it). {@link #schedule}, {@link #cancel} and {@link #find} are
 * for modules and need no permission; the listing and {@link #retry} are for administrators and
 * require {@link #MANAGE_TIMERS}.
 */
@ProviderType
public interface Timers {
    /** Permission to see every timer and retry failed ones. */
    String MANAGE_TIMERS = "administration.timers";
    /** The longest handler name. */
    int MAX_HANDLER = 100;
    /** The longest key. */
    int MAX_KEY = 200;
    /** The longest payload. */
    int MAX_PAYLOAD = 4000;

    /**
     * Schedules a timer, or reschedules the one of the same handler and key: its due time and payload are
     * replaced and it becomes pending again with no attempts (a run in progress finishes, and the new
     * time stands).
     *
     * @param handler the handler name, e.g. {@code activities.reminder}
     * @param key what the timer is about, unique per handler, e.g. an activity id
     * @param dueAt when it should run; a time in the past runs as soon as possible
     * @param payload short text for the handler ("" for none): ids and settings, never secrets
     * @return the timer's id
     * @throws org.tesseracrm.kernel.api.ValidationException for an empty or too long handler or key, or a
     *     too long payload
     */
    long schedule(String handler, String key, Instant dueAt, String payload);

    /**
     * @param handler the handler name
     * @param key the key
     * @return whether there was a timer to cancel (pending, failed, or running: a run in progress finishes)
     */
    boolean cancel(String handler, String key);

    /**
     * @param handler the handler name
     * @param key the key
     * @return the timer of that handler and key, if one is scheduled
     */
    Optional<TimerInfo> find(String handler, String key);

    /**
     * @return how many timers are pending, running, failed and retried
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #MANAGE_TIMERS}
     */
    TimerCounts counts();

    /**
     * @param state which timers
     * @param limit the most returned (1 to 1000)
     * @return the timers in that state, earliest due first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #MANAGE_TIMERS}
     */
    List<TimerInfo> list(TimerState state, int limit);

    /**
     * Makes a failed timer pending again, due now, with its attempts counted from zero.
     *
     * @param id the timer's id
     * @return the timer as it is now
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #MANAGE_TIMERS}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no timer with that id
     * @throws org.tesseracrm.kernel.api.ConflictException if it is not failed
     */
    TimerInfo retry(long id);
}
