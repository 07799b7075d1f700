package org.tesseracrm.kernel.ui.kit;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.server.VaadinSession;

import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.RegionalSettings;

/**
 * The one formatter of dates and times on every screen: stored instants (UTC) shown in the signed-in
 * user's time zone, written in their locale's medium date and short time, e.g. {@code Dec 4, 2026,
 * 5:14 PM} for en-US or {@code 04.12.2026, 17:14} for de-DE; dates alone as the medium date. It also
 * converts between stored UTC times and the local times date-time pickers hold, and parses typed
 * date-times back. Modules format dates and times only through it.
 *
 * <p>{@link #current()} is the signed-in user's: the shell keeps their {@link RegionalSettings} as the
 * Vaadin session's attribute of that class (and sets the session's locale, so date pickers follow it).
 * The static methods are shorthands for {@code current()}.
 */
public final class LocalTimes implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern STORED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern STORED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private static final Pattern MARKED_UTC = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) UTC");

    private final RegionalSettings settings;
    private final transient DateTimeFormatter dateTime;
    private final transient DateTimeFormatter date;

    private LocalTimes(RegionalSettings settings) {
        this.settings = settings;
        this.dateTime = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT).toFormatter(settings.locale());
        this.date = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendLocalized(FormatStyle.MEDIUM, null).toFormatter(settings.locale());
    }

    /**
     * @param settings a time zone and locale
     * @return the formatter for them
     */
    public static LocalTimes of(RegionalSettings settings) {
        return new LocalTimes(settings);
    }

    /**
     * @return the formatter of the user signed in to the current Vaadin session;
     *     {@link RegionalSettings#DEFAULT}'s outside a session or before sign-in
     */
    public static LocalTimes current() {
        VaadinSession session = VaadinSession.getCurrent();
        RegionalSettings settings = session == null ? null : session.getAttribute(RegionalSettings.class);
        return of(settings == null ? RegionalSettings.DEFAULT : settings);
    }

    /** @return the time zone and locale this formatter uses */
    public RegionalSettings settings() {
        return settings;
    }

    /**
     * @param instant a point in time
     * @return it in this zone and locale, e.g. {@code Dec 4, 2026, 5:14 PM}
     */
    public String format(Instant instant) {
        return dateTime.format(instant.atZone(settings.zone()));
    }

    /**
     * @param utc a stored date-time (UTC, as {@link RecordRow} holds it)
     * @return it in this zone and locale
     */
    public String formatUtc(LocalDateTime utc) {
        return format(utc.toInstant(ZoneOffset.UTC));
    }

    /**
     * @param day a calendar date, which no time zone shifts
     * @return it in this locale's medium form, e.g. {@code Dec 4, 2026}
     */
    public String format(LocalDate day) {
        return date.format(day);
    }

    /**
     * The text of a record field's value as screens show it: dates and date-times through this
     * formatter, everything else as {@link RecordRow#format}.
     *
     * @param value a value of a record field, or null
     * @return its text; empty for null
     */
    public String text(Object value) {
        if (value instanceof LocalDateTime utc) {
            return formatUtc(utc);
        }
        if (value instanceof LocalDate day) {
            return format(day);
        }
        return RecordRow.format(value);
    }

    /**
     * Shows a value the platform wrote into a text, such as the audit trail's changes: a whole value in
     * {@link RecordRow#format}'s form (a date-time {@code 2026-12-04 16:49}, which is UTC, or a date
     * {@code 2026-12-04}), and date-times marked {@code UTC} inside a longer text ("due 2026-12-04 16:49
     * UTC"), in this zone and form. Other text stays as it is.
     *
     * @param text a stored text
     * @return it with its dates and times as this formatter writes them
     */
    public String storedText(String text) {
        try {
            if (STORED_DATE_TIME.matcher(text).matches()) {
                return formatUtc(LocalDateTime.parse(text, ISO_MINUTES));
            }
            if (STORED_DATE.matcher(text).matches()) {
                return format(LocalDate.parse(text));
            }
            return MARKED_UTC.matcher(text).replaceAll(
                    found -> Matcher.quoteReplacement(formatUtc(LocalDateTime.parse(found.group(1), ISO_MINUTES))));
        } catch (DateTimeParseException e) {
            return text; // looked like a date but is none: as written
        }
    }

    /**
     * @param utc a stored date-time
     * @return the same instant as a local time of this zone, for a date-time picker
     */
    public LocalDateTime toLocal(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(settings.zone()).toLocalDateTime();
    }

    /**
     * @param local a local time of this zone (from a picker), or null
     * @return the same instant in UTC, to store; null for null. A time skipped by a daylight-saving
     *     change counts as the time after the gap; one that occurs twice as the earlier one.
     */
    public LocalDateTime toUtc(LocalDateTime local) {
        return local == null ? null : local.atZone(settings.zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * @param day a calendar day in this zone
     * @return the instant it starts, e.g. for a "from" filter
     */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(settings.zone()).toInstant();
    }

    /**
     * Reads a date-time a user typed, as this formatter writes it or as {@code 2026-12-04 17:14}, in this
     * zone.
     *
     * @param text the typed text
     * @return the date-time in UTC, to store or to filter by; empty if the text is not a date-time
     */
    public Optional<LocalDateTime> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (DateTimeFormatter form : new DateTimeFormatter[] {dateTime, ISO_MINUTES}) {
            try {
                return Optional.of(toUtc(LocalDateTime.parse(trimmed, form)));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a date a user typed, as this formatter writes it or as ISO {@code 2026-12-04}.
     *
     * @param text the typed text
     * @return the date; empty if the text is not a date
     */
    public Optional<LocalDate> parseDate(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (DateTimeFormatter form : new DateTimeFormatter[] {date, DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return Optional.of(LocalDate.parse(trimmed, form));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** The formatters are transient: deserialisation builds them again from the settings. */
    private Object readResolve() {
        return new LocalTimes(settings);
    }

    /**
     * @param utc a stored time
     * @return it in the signed-in user's zone, for a date-time picker
     */
    public static LocalDateTime local(LocalDateTime utc) {
        return current().toLocal(utc);
    }

    /**
     * @param local a time the signed-in user entered, or null
     * @return it in UTC, to store; null for null
     */
    public static LocalDateTime utc(LocalDateTime local) {
        return current().toUtc(local);
    }

    /**
     * @param utc a stored time
     * @return it as the signed-in user reads it, e.g. "Dec 4, 2026, 2:30 PM", like every time on every screen
     */
    public static String shown(LocalDateTime utc) {
        return current().formatUtc(utc);
    }

    /** @return the signed-in user's time zone */
    public static ZoneId zone() {
        return current().settings().zone();
    }

    /** @return the signed-in user's locale */
    public static Locale locale() {
        return current().settings().locale();
    }
}
