package org.tesseracrm.kernel.ui.kit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Between the UTC times the record platform stores ({@code LocalDateTime} in UTC) and the local time
 * users enter and read: the server's zone, as the forms' history, notes and files show times. (Per-user
 * time zones are not there yet.)
 */
public final class LocalTimes {
    private LocalTimes() {
    }

    /**
     * @param utc a stored time
     * @return it in the server's zone, for a date-time picker
     */
    public static LocalDateTime local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }

    /**
     * @param local a time a user entered, or null
     * @return it in UTC, to store; null for null
     */
    public static LocalDateTime utc(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * @param utc a stored time
     * @return it as users read it, e.g. "11/24/26, 2:30 PM", formatted like every time on a form
     */
    public static String shown(LocalDateTime utc) {
        return RecordForm.WHEN.format(utc.toInstant(ZoneOffset.UTC));
    }
}
