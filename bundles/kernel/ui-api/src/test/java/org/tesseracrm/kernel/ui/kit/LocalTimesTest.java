package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.RegionalSettings;

class LocalTimesTest {
    private static final LocalTimes BERLIN_US = LocalTimes.of(new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.US));
    private static final LocalTimes BERLIN_DE = LocalTimes.of(new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.GERMANY));

    @Test
    void showsAStoredTimeInTheUsersZoneOnBothSidesOfADaylightSavingChange() {
        // Berlin is UTC+2 in summer and UTC+1 from 25 October 2026, 03:00
        assertEquals("Oct 24, 2026, 6:30 PM", BERLIN_US.formatUtc(LocalDateTime.parse("2026-10-24T16:30")));
        assertEquals("Oct 26, 2026, 5:30 PM", BERLIN_US.formatUtc(LocalDateTime.parse("2026-10-26T16:30")));
    }

    @Test
    void convertsPickerTimesToUtcAcrossADaylightSavingChange() {
        assertEquals(LocalDateTime.parse("2026-03-28T11:00"), BERLIN_US.toUtc(LocalDateTime.parse("2026-03-28T12:00")));
        assertEquals(LocalDateTime.parse("2026-03-29T10:00"), BERLIN_US.toUtc(LocalDateTime.parse("2026-03-29T12:00")));
        assertEquals(LocalDateTime.parse("2026-03-29T12:00"), BERLIN_US.toLocal(LocalDateTime.parse("2026-03-29T10:00")));
    }

    @Test
    void aTimeInTheSpringGapCountsAsTheTimeAfterIt() {
        // 02:30 does not exist in Berlin on 29 March 2026; it is read as 03:30 CEST = 01:30 UTC
        assertEquals(LocalDateTime.parse("2026-03-29T01:30"), BERLIN_US.toUtc(LocalDateTime.parse("2026-03-29T02:30")));
    }

    @Test
    void writesTheLocalesMediumDateAndShortTime() {
        LocalDateTime utc = LocalDateTime.parse("2026-12-04T16:14");
        assertEquals("Dec 4, 2026, 5:14 PM", BERLIN_US.formatUtc(utc));
        assertEquals("04.12.2026, 17:14", BERLIN_DE.formatUtc(utc));
        assertEquals("Dec 4, 2026", BERLIN_US.format(LocalDate.parse("2026-12-04")));
        assertEquals("04.12.2026", BERLIN_DE.format(LocalDate.parse("2026-12-04")));
    }

    @Test
    void anInstantAndTheSameStoredTimeLookTheSame() {
        assertEquals(BERLIN_DE.formatUtc(LocalDateTime.parse("2026-12-04T16:14:15")),
                BERLIN_DE.format(Instant.parse("2026-12-04T16:14:15Z")));
    }

    @Test
    void fieldValuesShowDatesThroughTheFormatterAndTheRestAsRecordRowWritesThem() {
        assertEquals("04.12.2026, 17:14", BERLIN_DE.text(LocalDateTime.parse("2026-12-04T16:14")));
        assertEquals("04.12.2026", BERLIN_DE.text(LocalDate.parse("2026-12-04")));
        assertEquals("1234.5", BERLIN_DE.text(new java.math.BigDecimal("1234.5")));
        assertEquals("", BERLIN_DE.text(null));
    }

    @Test
    void parsesWhatItWritesBackToTheSameUtcTime() {
        for (LocalTimes times : new LocalTimes[] {BERLIN_US, BERLIN_DE,
                LocalTimes.of(new RegionalSettings(ZoneId.of("Asia/Tokyo"), Locale.JAPAN)),
                LocalTimes.of(new RegionalSettings(ZoneId.of("America/New_York"), Locale.UK))}) {
            for (String utc : new String[] {"2026-12-04T16:14", "2026-07-01T00:05", "2026-10-25T00:30"}) {
                LocalDateTime stored = LocalDateTime.parse(utc);
                assertEquals(Optional.of(stored), times.parse(times.formatUtc(stored)), times.settings() + " " + utc);
            }
            LocalDate day = LocalDate.parse("2026-02-28");
            assertEquals(Optional.of(day), times.parseDate(times.format(day)), times.settings().toString());
        }
    }

    @Test
    void parsesIsoTypedTimesInTheUsersZoneAndIgnoresCase() {
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-04T16:14")), BERLIN_US.parse(" 2026-12-04 17:14 "));
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-04T16:14")), BERLIN_US.parse("dec 4, 2026, 5:14 pm"));
        assertEquals(Optional.of(LocalDate.parse("2026-12-04")), BERLIN_US.parseDate("2026-12-04"));
    }

    @Test
    void storedTextsShowTheirDatesAndUtcTimesInTheUsersZoneAndForm() {
        assertEquals("04.12.2026, 17:49", BERLIN_DE.storedText("2026-12-04 16:49"));
        assertEquals("04.12.2026", BERLIN_DE.storedText("2026-12-04"));
        assertEquals("Call (due Dec 4, 2026, 5:49 PM)", BERLIN_US.storedText("Call (due 2026-12-04 16:49 UTC)"));
        assertEquals("meet at 2026-12-04 16:49 sharp", BERLIN_US.storedText("meet at 2026-12-04 16:49 sharp"),
                "a time in free text without UTC is the writer's own: left alone");
        assertEquals("2026-13-45 99:99", BERLIN_US.storedText("2026-13-45 99:99"));
        assertEquals("Lovelace", BERLIN_US.storedText("Lovelace"));
    }

    @Test
    void refusesTextThatIsNoDateTime() {
        assertTrue(BERLIN_US.parse("tomorrow").isEmpty());
        assertTrue(BERLIN_US.parse("").isEmpty());
        assertTrue(BERLIN_US.parseDate("31.02.2026").isEmpty());
    }

    @Test
    void outsideASessionItIsTheDefault() {
        assertEquals(RegionalSettings.DEFAULT, LocalTimes.current().settings());
        assertEquals("Dec 4, 2026, 4:14 PM", LocalTimes.shown(LocalDateTime.parse("2026-12-04T16:14")));
    }
}
