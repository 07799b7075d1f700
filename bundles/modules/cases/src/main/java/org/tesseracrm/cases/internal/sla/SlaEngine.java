package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.sla.SlaStore.CaseSla;
import org.tesseracrm.cases.internal.sla.SlaStore.ClockRow;

/**
 * Brings a case's SLA clock, due time and state in line with the case and the settings: one place for a new case, a
 * changed priority, type or status, a changed calendar or resolution time, and the sweep. The clock runs while the
 * status is of kind open and stands still otherwise; leaving a waiting (or solved) status resumes it and the due time
 * moves on by the business time it stood still.
 */
final class SlaEngine {
    private SlaEngine() {
    }

    /**
     * What {@link #apply} found.
     *
     * @param calendar the case's calendar
     * @param clock its clock
     * @param kind the kind of its status
     * @param state its SLA state
     * @param rule the escalation rule that applies to it, if any
     */
    record Applied(SlaCalendar calendar, SlaClock clock, StatusKind kind, String state, Optional<EscalationRule> rule) {
        /** @return whether the clock runs (the case is open) */
        boolean running() {
            return kind == StatusKind.OPEN && !clock.isPaused();
        }

        /**
         * @param level the case's escalation level
         * @return when the next level is due, while the clock runs and the rule has a level above
         */
        Optional<Instant> nextEscalation(int level) {
            return rule.filter(r -> running() && level < r.maxLevel())
                    .map(r -> r.firesAt(calendar.calendar(), clock, level + 1));
        }
    }

    /**
     * Works the case's SLA out and stores it: the clock (started at the case's creation when it has none), the due
     * time and state on the case, and when the sweep should look at it next. A case whose priority has no resolution
     * time loses its clock, due time and state.
     *
     * @param c the transaction's connection
     * @param settings the settings
     * @param cs the case as stored now
     * @param now the current time
     * @return what it found; empty for a case without an SLA
     * @throws SQLException on a database failure
     */
    static Optional<Applied> apply(Connection c, SlaSettings settings, CaseSla cs, Instant now) throws SQLException {
        if (settings.resolution(cs.priority()).isEmpty()) {
            SlaStore.deleteClock(c, cs.id());
            if (!cs.slaState().isEmpty()) {
                SlaStore.writeCase(c, cs.id(), Optional.empty(), "");
            }
            return Optional.empty();
        }
        Optional<Applied> applied = compute(settings, cs, SlaStore.clock(c, cs.id()), now);
        store(c, cs, applied.orElseThrow(), now);
        return applied;
    }

    /**
     * Works the case's SLA out in memory, as {@link #apply} does before it stores it (the sweep works a batch of
     * cases out this way and writes them together).
     *
     * @param settings the settings
     * @param cs the case as stored now
     * @param row its stored clock, if it has one
     * @param now the current time
     * @return what it found; empty for a case without an SLA (its priority has no resolution time)
     */
    static Optional<Applied> compute(SlaSettings settings, CaseSla cs, Optional<ClockRow> row, Instant now) {
        Optional<Resolution> resolution = settings.resolution(cs.priority());
        if (resolution.isEmpty()) {
            return Optional.empty();
        }
        SlaCalendar calendar = settings.calendarFor(cs.caseType());
        BusinessCalendar cal = calendar.calendar();
        java.time.Duration allowed = resolution.get().businessTime(cal);
        SlaClock clock = row.isEmpty()
                ? SlaClock.start(cal, cs.createdAt(), allowed)
                : row.get().clock(settings.calendar(row.get().calendarId()).calendar()).recompute(cal, allowed);
        StatusKind kind = settings.kind(cs.status());
        if (kind == StatusKind.OPEN) {
            clock = clock.resume(cal, now);
        } else if (row.isEmpty()) {
            clock = clock.pause(cs.createdAt());
        } else {
            clock = clock.pause(now);
        }
        String state = clock.state(cal, kind, now, calendar.atRiskPercent());
        return Optional.of(new Applied(calendar, clock, kind, state,
                EscalationRule.applying(settings.rules(), cs.caseType(), cs.priority())));
    }

    /**
     * @param applied a case's SLA
     * @param level its escalation level
     * @param now the current time
     * @return when the sweep should look at it next: its next state change or escalation level, whichever is first;
     *     empty when neither will come while nothing changes
     */
    static Optional<Instant> nextCheck(Applied applied, int level, Instant now) {
        Optional<Instant> next = applied.clock().nextStateChange(applied.calendar().calendar(), now,
                applied.calendar().atRiskPercent());
        Optional<Instant> escalation = applied.nextEscalation(level);
        if (escalation.isPresent() && (next.isEmpty() || escalation.get().isBefore(next.get()))) {
            next = escalation;
        }
        return next;
    }

    /**
     * Stores the clock with its next check, and the due time and state on the case.
     *
     * @param c the connection
     * @param cs the case
     * @param applied its SLA
     * @param now the current time
     * @throws SQLException on a database failure
     */
    static void store(Connection c, CaseSla cs, Applied applied, Instant now) throws SQLException {
        SlaStore.saveClock(c, cs.id(), applied.calendar().id(), applied.clock(), nextCheck(applied, cs.level(), now));
        SlaStore.writeCase(c, cs.id(), Optional.of(applied.clock().dueAt()), applied.state());
    }
}
