package org.tesseracrm.activities.internal.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Turns the UTC times the record platform stores into the server's local time users enter and read,
 * and back. (Per-user time zones are not there yet: every user sees the server's zone.)
 */
final class Times {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private Times() {
    }

    static LocalDateTime local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }

    static LocalDateTime utc(LocalDateTime local) {
        return local.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** @return a UTC time as users read it, e.g. "11/24/26, 2:30 PM" */
    static String shown(LocalDateTime utc) {
        return SHOWN.format(local(utc));
    }
}
