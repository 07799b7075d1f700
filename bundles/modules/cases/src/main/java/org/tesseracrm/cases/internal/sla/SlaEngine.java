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
        Optional<Resolution> resolution = settings.resolution(cs.priority());
        if (resolution.isEmpty()) {
            SlaStore.deleteClock(c, cs.id());
            if (!cs.slaState().isEmpty()) {
                SlaStore.writeCase(c, cs.id(), Optional.empty(), "");
            }
            return Optional.empty();
        }
        SlaCalendar calendar = settings.calendarFor(cs.caseType());
        BusinessCalendar cal = calendar.calendar();
        java.time.Duration allowed = resolution.get().businessTime(cal);
        Optional<ClockRow> row = SlaStore.clock(c, cs.id());
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
        Applied applied = new Applied(calendar, clock, kind, state,
                EscalationRule.applying(settings.rules(), cs.caseType(), cs.priority()));
        store(c, cs, applied, now);
        return Optional.of(applied);
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
        Optional<Instant> next = applied.clock().nextStateChange(applied.calendar().calendar(), now,
                applied.calendar().atRiskPercent());
        Optional<Instant> escalation = applied.nextEscalation(cs.level());
        if (escalation.isPresent() && (next.isEmpty() || escalation.get().isBefore(next.get()))) {
            next = escalation;
        }
        SlaStore.saveClock(c, cs.id(), applied.calendar().id(), applied.clock(), next);
        SlaStore.writeCase(c, cs.id(), Optional.of(applied.clock().dueAt()), applied.state());
    }
}
