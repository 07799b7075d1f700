package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.sla.SlaStore.CaseSla;

/**
 * Works the SLA of the cases an administrator's change concerns out again, in batches: a calendar's cases (its
 * hours, holidays or time zone changed), a priority's (its resolution time), a case type's (its calendar) or a
 * status's (its kind: the cases in it pause or resume their clock as if they had just moved into it). Each batch is
 * the next {@code batch} cases in id order after the scope's row in {@code CASE_SLA_RECOMPUTE}; the batch and the
 * row's move commit together, so an interrupted recompute goes on from the last batch committed. The clock itself is
 * {@link SlaEngine#apply}, as for a change of the case.
 */
final class Recompute {
    /** The cases one transaction works out. */
    static final int BATCH = 500;

    private Recompute() {
    }

    /** What an administrator changed. */
    enum Kind {
        /** A calendar's hours, holidays, time zone or at-risk share: the cases whose clock counts in it. */
        CALENDAR("calendar"),
        /** A priority's resolution time: the cases of that priority. */
        PRIORITY("priority"),
        /** A case type's calendar: the cases of that type. */
        TYPE("type"),
        /** A status's kind: the cases in that status. */
        STATUS("status");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /**
     * The cases one change concerns.
     *
     * @param kind what changed
     * @param value the calendar id, priority, case type or status
     */
    record Scope(Kind kind, String value) {
        /** Checks the values. */
        Scope {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        /** @return e.g. {@code calendar:12}, {@code status:Waiting on customer}: the row's and the timer's key */
        String key() {
            return kind.code + ":" + value;
        }

        /**
         * @param key a {@link #key()}
         * @return the scope; empty for a key of nothing known
         */
        static Optional<Scope> parse(String key) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String code = key.substring(0, colon).toLowerCase(Locale.ROOT);
            for (Kind kind : Kind.values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(new Scope(kind, key.substring(colon + 1)));
                }
            }
            return Optional.empty();
        }

        /**
         * Whether a case in a status of this kind is worked out again. A solved or closed case keeps the SLA result
         * it had when it was done, whatever the calendar or resolution time says now; a status change of kind
         * concerns every case in it (a status that becomes solved stops their clocks, as moving into it would).
         *
         * @param statusKind the kind of the case's status, with the settings as they are now
         * @return whether it is worked out again
         */
        boolean concerns(StatusKind statusKind) {
            return kind == Kind.STATUS || !statusKind.done();
        }
    }

    /**
     * @param old the calendar as stored
     * @param changed the calendar as saved now
     * @return whether the change moves due times or states: hours, holidays, time zone or at-risk share (not the name
     *     or the holidays' names)
     */
    static boolean movesDueTimes(SlaCalendar old, SlaCalendar changed) {
        BusinessCalendar a = old.calendar();
        BusinessCalendar b = changed.calendar();
        return !a.zone().equals(b.zone()) || !a.week().equals(b.week()) || !a.holidays().equals(b.holidays())
                || old.atRiskPercent() != changed.atRiskPercent();
    }

    /**
     * @param ids the batch read, in id order
     * @param batch the batch size asked for
     * @return the id to go on after when the batch was full (there may be more); empty when the scope is done
     */
    static OptionalLong continueAfter(List<Long> ids, int batch) {
        return ids.size() < batch ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
    }

    /**
     * Asks for the scope's recompute from its first case: a change made while one of the same scope is under way
     * starts it again, since every case must see the newest settings.
     *
     * @param c the administrator's transaction
     * @param scope what changed
     * @param now the current time
     * @throws SQLException on a database failure
     */
    static void request(Connection c, Scope scope, Instant now) throws SQLException {
        SlaStore.requestRecompute(c, scope.key(), now);
    }

    /**
     * Works out the next batch of the scope, in the caller's transaction: takes the scope's row (a lock that keeps a
     * concurrent request or a second node off until commit), reads the settings, applies each case and moves the row
     * on, or deletes it after the last batch.
     *
     * @param c the transaction
     * @param scope the scope
     * @param now the current time
     * @param batch the most cases
     * @return whether the scope is done (no row, or this was its last batch)
     * @throws SQLException on a database failure
     */
    static boolean step(Connection c, Scope scope, Instant now, int batch) throws SQLException {
        Optional<Long> after = SlaStore.lockRecompute(c, scope.key());
        if (after.isEmpty()) {
            return true;
        }
        SlaSettings settings = SlaSettings.load(c);
        List<Long> ids = SlaStore.recomputeBatch(c, scope, after.get(), batch);
        for (long id : ids) {
            Optional<CaseSla> cs = SlaStore.caseSla(c, id);
            if (cs.isPresent() && scope.concerns(settings.kind(cs.get().status()))) {
                SlaEngine.apply(c, settings, cs.get(), now);
            }
        }
        OptionalLong next = continueAfter(ids, batch);
        if (next.isEmpty()) {
            SlaStore.deleteRecompute(c, scope.key());
            return true;
        }
        SlaStore.moveRecompute(c, scope.key(), next.getAsLong(), ids.size());
        return false;
    }
}
