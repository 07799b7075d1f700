package org.tesseracrm.reports.internal.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.reports.api.ReportSpec;

/**
 * Shows a report's figures: counts as whole numbers, money with two decimals, other numbers with up to two, all with
 * the user's locale's grouping ({@code 12,345.50} for en-US, {@code 12.345,50} for de-DE); a minimum or maximum of a
 * date as the kit shows dates (the aggregate gives epoch days, or epoch milliseconds for a date-time).
 */
final class Figures {
    /** What a column of figures holds. */
    enum Kind {
        /** A count of records. */
        COUNT,
        /** A number of any scale. */
        NUMBER,
        /** An amount of money. */
        MONEY,
        /** A date, as epoch days. */
        DATE,
        /** A point in time, as epoch milliseconds. */
        DATE_TIME
    }

    private final LocalTimes times;
    private final Locale locale;

    /** @param times the user's zone, locale and form of dates */
    Figures(LocalTimes times) {
        this.times = times;
        this.locale = times.settings().locale();
    }

    /**
     * @param aggregate what a measure computes
     * @param field the type of the field it is computed over; null for a count of records
     * @return what its figures are
     */
    static Kind kind(Aggregate aggregate, FieldType field) {
        if (aggregate == Aggregate.COUNT || field == null) {
            return aggregate == Aggregate.COUNT ? Kind.COUNT : Kind.NUMBER;
        }
        return switch (field) {
            case MONEY -> Kind.MONEY;
            case DATE -> Kind.DATE;
            case DATE_TIME -> Kind.DATE_TIME;
            default -> Kind.NUMBER;
        };
    }

    /**
     * @param spec a report's definition
     * @param choices the fields of its record type, as the builder offers them
     * @return what the figures of each of its measures are
     */
    static List<Kind> kinds(ReportSpec spec, FieldChoices choices) {
        return spec.measures().stream().map(m -> kind(m.aggregate(), m.field().flatMap(choices::find)
                .map(FieldChoice::type).orElse(null))).toList();
    }

    /**
     * @param value a figure; null where there is none (an average over nothing)
     * @param kind what it is
     * @return its text; empty for null
     */
    String format(BigDecimal value, Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> number(value, 0, 0);
            case MONEY -> number(value, 2, 2);
            case NUMBER -> number(value, 0, 2);
            case DATE -> times.format(LocalDate.ofEpochDay(value.longValue()));
            case DATE_TIME -> times.format(Instant.ofEpochMilli(value.longValue()));
        };
    }

    private String number(BigDecimal value, int minDecimals, int maxDecimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
