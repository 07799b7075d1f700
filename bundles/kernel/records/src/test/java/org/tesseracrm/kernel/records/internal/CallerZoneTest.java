package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CallerZoneTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void storedTimesBecomeLocalTimesOfTheZoneOnBothSidesOfADaylightSavingChange() {
        assertEquals(LocalDateTime.parse("2026-10-24T18:30"), CallerZone.local(LocalDateTime.parse("2026-10-24T16:30"), BERLIN));
        assertEquals(LocalDateTime.parse("2026-10-26T17:30"), CallerZone.local(LocalDateTime.parse("2026-10-26T16:30"), BERLIN));
    }

    @Test
    void localTimesReadFromAFileAreStoredInUtc() {
        assertEquals(LocalDateTime.parse("2026-10-26T16:30"), CallerZone.utc(LocalDateTime.parse("2026-10-26T17:30"), BERLIN));
        LocalDateTime stored = LocalDateTime.parse("2026-07-01T03:15");
        assertEquals(stored, CallerZone.utc(CallerZone.local(stored, BERLIN), BERLIN), "an export imports unchanged");
    }

    @Test
    void otherValuesAndDatesStayAsTheyAre() {
        LocalDate day = LocalDate.parse("2026-10-25");
        assertEquals(day, CallerZone.local(day, BERLIN));
        assertEquals("Ada", CallerZone.utc("Ada", BERLIN));
        assertEquals(null, CallerZone.local(null, BERLIN));
    }

    @Test
    void withoutTheSettingsServiceItIsUtc() {
        assertEquals(ZoneOffset.UTC, CallerZone.of(null));
    }
}
