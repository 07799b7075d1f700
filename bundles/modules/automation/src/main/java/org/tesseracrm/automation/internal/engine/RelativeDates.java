package org.tesseracrm.automation.internal.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;

/**
 * Turns the relative dates of a condition ({@code today}, {@code now}, {@code today-90days}, see {@link Criteria})
 * into the plain values a list filter takes, at one moment in one time zone. The result is an ordinary
 * {@link Filter}: checked on a record by {@link CriteriaMatcher}, or handed to the record platform as a list query
 * (a schedule over a saved view), with the same meaning.
 *
 * <p>{@code today} with a whole-day offset (days, weeks, months) gives a date, so on a date-time field a range's
 * upper bound {@code today} takes in the whole day, as a typed date does in a list filter. {@code now}, and
 * {@code today} with minutes or hours, give a date-time (UTC, as date-time fields hold them); on a date field its
 * date in the zone.
 */
final class RelativeDates {
    private static final Pattern RELATIVE = Pattern.compile(
            "(today|now)(?:\\s*([+-])\\s*(\\d{1,6})\\s*([a-z]+))?");

    private RelativeDates() {
    }

    /**
     * @param filter a condition
     * @param type the type of its field
     * @param now the moment the condition is evaluated
     * @param zone the time zone of "today"
     * @return the condition with its relative values replaced; the same condition if it has none or its field is
     *     not a date or date-time
     */
    static Filter resolve(Filter filter, FieldType type, Instant now, ZoneId zone) {
        if (type != FieldType.DATE && type != FieldType.DATE_TIME) {
            return filter;
        }
        List<String> values = filter.values().stream().map(v -> resolve(v, type, now, zone).orElse(v)).toList();
        return values.equals(filter.values()) ? filter : new Filter(filter.field(), filter.op(), values);
    }

    /**
     * @param value a condition's value
     * @param type DATE or DATE_TIME
     * @param now the moment
     * @param zone the zone of "today"
     * @return the plain value, or empty if the value is not relative
     */
    static Optional<String> resolve(String value, FieldType type, Instant now, ZoneId zone) {
        Matcher m = RELATIVE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean today = m.group(1).equals("today");
        ZonedDateTime base = today ? now.atZone(zone).toLocalDate().atStartOfDay(zone) : now.atZone(zone);
        TimeSpan.Unit unit = TimeSpan.Unit.DAYS;
        if (m.group(2) != null) {
            TimeSpan span = TimeSpan.parse(m.group(3) + " " + m.group(4));
            unit = span.unit();
            base = m.group(2).equals("+") ? span.addTo(base) : span.subtractFrom(base);
        }
        boolean wholeDay = today && unit != TimeSpan.Unit.MINUTES && unit != TimeSpan.Unit.HOURS;
        if (type == FieldType.DATE || wholeDay) {
            return Optional.of(base.toLocalDate().toString());
        }
        return Optional.of(LocalDateTime.ofInstant(base.toInstant(), ZoneOffset.UTC).toString());
    }
}
