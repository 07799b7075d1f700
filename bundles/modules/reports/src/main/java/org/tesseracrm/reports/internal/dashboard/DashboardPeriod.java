package org.tesseracrm.reports.internal.dashboard;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.reports.api.Period;

/**
 * A dashboard's global period, applied to every widget's period field: a choice relative to today (in the
 * viewer's time zone), or a fixed range.
 *
 * @param choice which period
 * @param from a custom period's first day, else empty
 * @param to a custom period's last day, else empty
 */
public record DashboardPeriod(Choice choice, Optional<LocalDate> from, Optional<LocalDate> to) {
    /** No period: every widget over all its records. */
    public static final DashboardPeriod ALL = new DashboardPeriod(Choice.ALL, Optional.empty(), Optional.empty());

    /** The periods a dashboard offers. */
    public enum Choice {
        /** All time. */
        ALL("All time"),
        /** From the first of this month to its last day. */
        THIS_MONTH("This month"),
        /** The whole previous month. */
        LAST_MONTH("Last month"),
        /** This calendar quarter. */
        THIS_QUARTER("This quarter"),
        /** This calendar year. */
        THIS_YEAR("This year"),
        /** From and to given days. */
        CUSTOM("Custom");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        /** @return what users read */
        public String label() {
            return label;
        }
    }

    /** Checks a custom period has both days, in order, and other choices none. */
    public DashboardPeriod {
        Objects.requireNonNull(choice, "choice");
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        if (choice == Choice.CUSTOM) {
            if (from.isEmpty() || to.isEmpty()) {
                throw new IllegalArgumentException("A custom period needs its first and last day.");
            }
            if (to.get().isBefore(from.get())) {
                throw new IllegalArgumentException("The period ends before it starts.");
            }
        } else {
            from = Optional.empty();
            to = Optional.empty();
        }
    }

    /**
     * @param choice a relative choice (not {@link Choice#CUSTOM})
     * @return that period
     */
    public static DashboardPeriod of(Choice choice) {
        return new DashboardPeriod(choice, Optional.empty(), Optional.empty());
    }

    /**
     * @param from the first day
     * @param to the last day
     * @return a custom period
     */
    public static DashboardPeriod custom(LocalDate from, LocalDate to) {
        return new DashboardPeriod(Choice.CUSTOM, Optional.of(from), Optional.of(to));
    }

    /**
     * @param today today in the viewer's time zone
     * @return the days the widgets run over (inclusive), or empty for all time
     */
    public Optional<Period> resolve(LocalDate today) {
        return switch (choice) {
            case ALL -> Optional.empty();
            case THIS_MONTH -> Optional.of(new Period(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())));
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield Optional.of(new Period(first, first.with(TemporalAdjusters.lastDayOfMonth())));
            }
            case THIS_QUARTER -> {
                LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
                yield Optional.of(new Period(first, first.plusMonths(3).minusDays(1)));
            }
            case THIS_YEAR -> Optional.of(new Period(today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear())));
            case CUSTOM -> Optional.of(new Period(from.orElseThrow(), to.orElseThrow()));
        };
    }
}
