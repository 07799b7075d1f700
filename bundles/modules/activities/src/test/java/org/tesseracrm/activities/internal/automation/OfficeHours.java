package org.tesseracrm.activities.internal.automation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.tesseracrm.kernel.api.automation.BusinessHours;

/** Monday to Friday 09:00-17:00 with holidays, minute by minute: slow and plainly right, for tests. */
record OfficeHours(ZoneId zone, Set<LocalDate> holidays) implements BusinessHours {
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(17, 0);

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(local.toLocalDate())
                && !local.toLocalTime().isBefore(OPENS) && local.toLocalTime().isBefore(CLOSES);
    }

    @Override
    public Instant nextOpening(Instant at) {
        Instant t = at;
        while (!isOpen(t)) {
            t = t.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        }
        return t;
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        Instant t = from;
        long left = amount.toMinutes();
        while (left > 0) {
            t = nextOpening(t).plus(Duration.ofMinutes(1));
            left--;
        }
        return t;
    }
}
