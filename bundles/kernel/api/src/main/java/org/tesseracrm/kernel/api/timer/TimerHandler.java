package org.tesseracrm.kernel.api.timer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Does the work of the timers scheduled under one handler name. Register it as a whiteboard service
 * with the service property {@link #NAME}, e.g. {@code crm.timer.handler=activities.reminder}; the
 * kernel runs a due timer only on a node where a handler of its name is registered, so timers of a
 * module that is uninstalled wait until it is back.
 *
 * <p>The kernel calls {@link #fire} on a timer thread, as {@code Caller.SYSTEM}, one timer of the handler at a time
 * (each handler name has its own lane, so a slow handler delays only its own timers):
 * keep the work short (seconds) and hand anything long to where it belongs. The call runs inside a
 * {@link org.tesseracrm.kernel.api.persistence.TransactionScope} that also marks the timer done, so what the
 * handler writes to the CRM database commits with the timer's completion and rolls back with its failure.
 * Work outside the database (a mail, an HTTP call) can be repeated, when a node dies before that commit
 * and the timer runs again: make it safe to repeat, and check the state it acts on.
 */
@ConsumerType
public interface TimerHandler {
    /** Service property: the handler name the timers of this handler are scheduled under. */
    String NAME = "crm.timer.handler";

    /**
     * Does the timer's work. Returning normally marks the timer done (it is deleted, unless the work
     * scheduled the same handler and key again, which then stays scheduled).
     *
     * @param timer the timer that came due
     * @throws Exception anything: the timer is retried later with a growing delay, and marked
     *     {@link TimerState#FAILED} with the exception's message after the last attempt
     */
    void fire(DueTimer timer) throws Exception;
}
