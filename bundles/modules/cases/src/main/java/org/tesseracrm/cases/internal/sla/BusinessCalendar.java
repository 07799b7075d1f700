package org.tesseracrm.cases.internal.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tesseracrm.kernel.api.automation.BusinessHours;

/**
 * Business hours and holidays in one time zone, and the arithmetic of business time over them (java.time only).
 * A day's hours are one or more spans, e.g. 09:00-13:00 and 14:00-18:00; a holiday has none. A span whose end is
 * before its start runs overnight into the next day (22:00-06:00 opens on the evening of its weekday); it belongs to the
 * day it starts on, so a holiday closes the night that starts on it, not the one that ends on it. Spans are local wall
 * times of the calendar's zone: on a day the clocks move (DST), a span is as long as the clocks say, so a 00:00-06:00
 * span on a spring-forward day holds 5 hours and on a fall-back day 7; a span boundary that falls into the gap
 * (a wall time the clocks skip) is the end of the gap: the office opens when the clocks first show its time or later.
 *
 * <p>It is also the kernel's {@link BusinessHours}, which workflow rules respect: {@link SlaBusinessHours} registers
 * each stored calendar under its name.
 *
 * @param name the calendar's name, unique
 * @param zone its time zone
 * @param week the hours of each weekday (a weekday without an entry is closed), spans sorted and not overlapping
 * @param holidays the dates (in the calendar's zone) with no business hours
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Span>> week, Set<LocalDate> holidays)
        implements BusinessHours {
    /** The name of the calendar every case uses unless its type names another. */
    public static final String DEFAULT = "Default";
    /** How far {@link #plus} looks ahead before it gives up (a calendar whose holidays cover years). */
    static final int MAX_DAYS = 366 * 10;

    /**
     * Opening hours starting on one day, {@code start} inclusive, {@code end} exclusive; an end of 00:00 means
     * midnight at the end of the day, an end before the start the next morning (overnight).
     *
     * @param start when business starts
     * @param end when it stops: after start, 00:00 for the end of the day, or before start for the next day
     */
    public record Span(LocalTime start, LocalTime end) {
        /** Checks the span is not empty. */
        public Span {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.equals(start) && !end.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("The hours " + start + "-" + end + " are empty.");
            }
        }

        /** @return whether the span ends on the next day (its end is before its start and not midnight) */
        public boolean overnight() {
            return !end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start);
        }

        /** @return how long the span is on a day without a clock change */
        public Duration length() {
            Duration d = Duration.between(start, end);
            return d.isNegative() || d.isZero() ? d.plusDays(1) : d;
        }

        /**
         * @param text e.g. {@code 09:00-13:00}; {@code 24:00} for the end of the day
         * @return the span
         * @throws IllegalArgumentException if the text is not two times joined by a dash
         */
        public static Span parse(String text) {
            String[] parts = text.trim().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + text.trim() + "' is not hours such as 09:00-17:00.");
            }
            try {
                LocalTime end = parts[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(pad(parts[1]));
                return new Span(LocalTime.parse(pad(parts[0])), end);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text.trim() + "' is not hours such as 09:00-17:00.");
            }
        }

        private static String pad(String time) {
            return time.length() == 4 ? "0" + time : time;
        }

        /** @return the span as {@code 09:00-13:00} */
        @Override
        public String toString() {
            return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
        }
    }

    /** Checks the values and keeps sorted, unmodifiable copies. */
    public BusinessCalendar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, spans) -> {
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 1; i < sorted.size(); i++) {
                Span before = sorted.get(i - 1);
                if (before.end().equals(LocalTime.MIDNIGHT) || before.overnight()
                        || before.end().isAfter(sorted.get(i).start())) {
                    throw new IllegalArgumentException("The hours of " + day + " overlap: " + before + " and "
                            + sorted.get(i) + ".");
                }
            }
            if (!sorted.isEmpty()) {
                days.put(day, List.copyOf(sorted));
            }
        });
        days.forEach((day, spans) -> {
            Span last = spans.get(spans.size() - 1);
            List<Span> next = days.get(day.plus(1));
            if (last.overnight() && next != null && next.get(0).start().isBefore(last.end())) {
                throw new IllegalArgumentException("The night hours " + last + " of " + day + " overlap "
                        + next.get(0) + " of " + day.plus(1) + ".");
            }
        });
        if (days.isEmpty()) {
            throw new IllegalArgumentException("The calendar '" + name + "' needs business hours on at least one day.");
        }
        week = Collections.unmodifiableMap(days);
        holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
    }

    /**
     * @param zone the time zone
     * @return the default calendar: Monday to Friday 09:00-17:00 in that zone, no holidays
     */
    public static BusinessCalendar standard(ZoneId zone) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Span(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(DEFAULT, zone, week, Set.of());
    }

    /**
     * @param text spans joined by commas, e.g. {@code 09:00-13:00, 14:00-18:00}; empty or blank for a closed day
     * @return the spans
     * @throws IllegalArgumentException for a span that does not read
     */
    public static List<Span> parseHours(String text) {
        List<Span> spans = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                spans.add(Span.parse(part));
            }
        }
        return spans;
    }

    /**
     * @param day a weekday
     * @return its hours as {@code 09:00-13:00, 14:00-18:00}, "" for a closed day
     */
    public String hoursText(DayOfWeek day) {
        return String.join(", ", week.getOrDefault(day, List.of()).stream().map(Span::toString).toList());
    }

    /**
     * @param date a date in the calendar's zone
     * @return its business intervals as instants, earliest first; none on a holiday or a closed weekday
     */
    public List<Instant[]> intervals(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Instant[]> found = new ArrayList<>();
        for (Span span : week.getOrDefault(date.getDayOfWeek(), List.of())) {
            Instant start = instant(date, span.start());
            Instant end = span.end().equals(LocalTime.MIDNIGHT)
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : instant(span.overnight() ? date.plusDays(1) : date, span.end());
            if (end.isAfter(start)) {
                found.add(new Instant[] {start, end});
            }
        }
        return found;
    }

    /** @return the instant of a wall time; for one in a gap, the end of the gap */
    private Instant instant(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        return gap != null && gap.isGap() ? gap.getInstant() : ZonedDateTime.of(local, zone).toInstant();
    }

    /**
     * @param at an instant
     * @return whether it lies within business hours
     */
    @Override
    public boolean isOpen(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(date.minusDays(1), date)) {
            for (Instant[] interval : intervals(day)) {
                if (!at.isBefore(interval[0]) && at.isBefore(interval[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param at an instant
     * @return {@code at} when it lies within business hours, else the next instant business hours open
     * @throws IllegalStateException if the calendar has no business hours within ten years (holidays everywhere)
     */
    @Override
    public Instant nextOpening(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (Instant[] interval : intervals(date)) {
                if (interval[1].isAfter(at)) {
                    return interval[0].isAfter(at) ? interval[0] : at;
                }
            }
        }
        throw new IllegalStateException("The calendar '" + name + "' has no business hours within ten years.");
    }

    /**
     * Adds business time: the instant at which {@code amount} of business time has passed since {@code from}. Adding
     * zero gives {@code from} itself. When the amount ends exactly where business hours close, that closing instant is
     * the answer (a case due at 17:00 is due at 17:00, not at 09:00 the next morning).
     *
     * @param from where to start counting, at any time (counting starts at the next opening if it is outside hours)
     * @param amount the business time to add, not negative
     * @return the instant
     * @throws IllegalArgumentException for a negative amount
     * @throws IllegalStateException if the calendar has no business hours within ten years (holidays everywhere)
     */
    @Override
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time to add cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate date = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (Instant[] interval : intervals(date)) {
                if (!interval[1].isAfter(from)) {
                    continue;
                }
                Instant start = interval[0].isBefore(from) ? from : interval[0];
                Duration open = Duration.between(start, interval[1]);
                if (open.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
        throw new IllegalStateException("The calendar '" + name + "' has no business hours within ten years.");
    }

    /**
     * @param from the start
     * @param to the end
     * @return the business time between the two; negative when {@code to} is before {@code from}
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last);
                date = date.plusDays(1)) {
            for (Instant[] interval : intervals(date)) {
                Instant start = interval[0].isBefore(from) ? from : interval[0];
                Instant end = interval[1].isAfter(to) ? to : interval[1];
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * @return the business time of an average open weekday (total weekly hours over the open weekdays): what one
     *     "business day" of a resolution time stands for, 8 hours for Monday to Friday 09:00-17:00
     */
    public Duration businessDay() {
        Duration weekly = Duration.ZERO;
        for (List<Span> spans : week.values()) {
            for (Span span : spans) {
                weekly = weekly.plus(span.length());
            }
        }
        return weekly.dividedBy(week.size());
    }
}
