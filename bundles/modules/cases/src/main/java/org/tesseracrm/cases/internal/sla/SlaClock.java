package org.tesseracrm.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;

/**
 * The SLA clock of one case, pure values: it runs in business time of the case's calendar from {@code start} for
 * {@code allowed} business time, stands still while the case waits (status of kind waiting), and its due time moves
 * on by the business time it stood still before it was due. Time spent waiting after the due time does not move it:
 * a breached case stays breached.
 *
 * @param start when the clock started (the case's creation)
 * @param allowed the business time allowed (the priority's resolution time in the calendar)
 * @param paused the business time the clock stood still so far (before the due time), resumed pauses only
 * @param pausedSince when the running pause began; empty while the clock runs
 * @param dueAt when the case is due: {@code start} plus {@code allowed + paused} in business time
 */
public record SlaClock(Instant start, Duration allowed, Duration paused, Optional<Instant> pausedSince, Instant dueAt) {
    /** The share of the allowed time after which a case is at risk, unless configured otherwise. */
    public static final int DEFAULT_AT_RISK_PERCENT = 75;

    /** Checks the values are present. */
    public SlaClock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(paused, "paused");
        Objects.requireNonNull(pausedSince, "pausedSince");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * @param calendar the case's calendar
     * @param start when the case was created
     * @param allowed its resolution time in business time
     * @return a running clock
     */
    public static SlaClock start(BusinessCalendar calendar, Instant start, Duration allowed) {
        return new SlaClock(start, allowed, Duration.ZERO, Optional.empty(), calendar.plus(start, allowed));
    }

    /** @return whether the clock stands still */
    public boolean isPaused() {
        return pausedSince.isPresent();
    }

    /**
     * @param now when the case moved to a waiting status
     * @return the clock standing still from now; itself if it already stands still
     */
    public SlaClock pause(Instant now) {
        return isPaused() ? this : new SlaClock(start, allowed, paused, Optional.of(now), dueAt);
    }

    /**
     * Starts the clock again: the business time it stood still before its due time is added, and the due time moves.
     *
     * @param calendar the case's calendar
     * @param now when the case left the waiting status
     * @return the running clock; itself if it was running
     */
    public SlaClock resume(BusinessCalendar calendar, Instant now) {
        if (!isPaused()) {
            return this;
        }
        Instant from = pausedSince.get();
        Duration stood = from.isBefore(dueAt) ? calendar.between(from, now) : Duration.ZERO;
        if (stood.isNegative()) {
            stood = Duration.ZERO;
        }
        Duration total = paused.plus(stood);
        return new SlaClock(start, allowed, total, Optional.empty(), calendar.plus(start, allowed.plus(total)));
    }

    /**
     * Works the due time out again, for a new priority or calendar: same start, same pauses.
     *
     * @param calendar the calendar now
     * @param newAllowed the resolution time now
     * @return the clock with the due time worked out afresh
     */
    public SlaClock recompute(BusinessCalendar calendar, Duration newAllowed) {
        return new SlaClock(start, newAllowed, paused, pausedSince, calendar.plus(start, newAllowed.plus(paused)));
    }

    /**
     * @param calendar the case's calendar
     * @param now the current time
     * @return the business time used so far (pauses excluded), capped at nothing: past due it exceeds the allowed
     */
    public Duration used(BusinessCalendar calendar, Instant now) {
        Instant until = pausedSince.filter(p -> p.isBefore(now)).orElse(now);
        Duration used = calendar.between(start, until).minus(paused);
        return used.isNegative() ? Duration.ZERO : used;
    }

    /**
     * The instant the clock reaches a share of its allowed time (for at-risk marks and percentage escalation rules);
     * it holds only while the clock runs.
     *
     * @param calendar the case's calendar
     * @param percent the share, 0 to 100 (or more)
     * @return the instant
     */
    public Instant atShare(BusinessCalendar calendar, int percent) {
        return calendar.plus(start, allowed.multipliedBy(percent).dividedBy(100).plus(paused));
    }

    /**
     * @param calendar the case's calendar
     * @param kind the kind of the case's status
     * @param now the current time
     * @param atRiskPercent the share of the allowed time after which a running case is at risk
     * @return the state as {@link CaseFields#SLA_STATES} names it. A done case (its clock stopped when it was solved
     *     or closed, or earlier when it was waiting then) is Met if the clock stopped before the due time, else
     *     Breached; a waiting case is Paused unless it was already late when it began to wait
     */
    public String state(BusinessCalendar calendar, StatusKind kind, Instant now, int atRiskPercent) {
        Instant stop = pausedSince.orElse(now);
        if (kind.done()) {
            return stop.isAfter(dueAt) ? CaseFields.SLA_BREACHED : CaseFields.SLA_MET;
        }
        if (!stop.isBefore(dueAt)) {
            return CaseFields.SLA_BREACHED;
        }
        if (isPaused()) {
            return CaseFields.SLA_PAUSED;
        }
        return now.isBefore(atShare(calendar, atRiskPercent)) ? CaseFields.SLA_ON_TRACK : CaseFields.SLA_AT_RISK;
    }

    /**
     * @param calendar the case's calendar
     * @param now the current time
     * @param atRiskPercent the share after which a running case is at risk
     * @return when the state of a running clock changes next (at risk, then breached); empty once breached or while
     *     it stands still
     */
    public Optional<Instant> nextStateChange(BusinessCalendar calendar, Instant now, int atRiskPercent) {
        if (isPaused()) {
            return Optional.empty();
        }
        Instant atRisk = atShare(calendar, atRiskPercent);
        if (now.isBefore(atRisk) && atRisk.isBefore(dueAt)) {
            return Optional.of(atRisk);
        }
        return now.isBefore(dueAt) ? Optional.of(dueAt) : Optional.empty();
    }
}
