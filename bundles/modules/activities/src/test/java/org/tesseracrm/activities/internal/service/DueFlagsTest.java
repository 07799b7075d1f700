package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.RowDecoration.Mark;

class DueFlagsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final DueFlags flags = new DueFlags(Duration.ofHours(24));

    private Mark flag(Duration fromNow) {
        return flags.flag(Optional.of(NOW.plus(fromNow)), NOW).orElseThrow();
    }

    @Test
    void redWhenDueOrOverdueYellowWithinTheWindowGreenAfterIt() {
        assertEquals("error", flag(Duration.ZERO).tone(), "due this very minute");
        assertEquals("Due", flag(Duration.ZERO).text());
        assertEquals("error", flag(Duration.ofMinutes(-5)).tone());
        assertEquals("Overdue 3 d", flag(Duration.ofDays(-3).minusHours(2)).text());
        assertEquals("warning", flag(Duration.ofMinutes(1)).tone());
        assertEquals("warning", flag(Duration.ofHours(24)).tone(), "the window's edge is still due soon");
        assertEquals("success", flag(Duration.ofHours(24).plusMinutes(1)).tone());
        assertEquals("Due in 5 days", flag(Duration.ofDays(5)).text());
        assertTrue(flag(Duration.ofMinutes(30)).hint().contains("30 min"), flag(Duration.ofMinutes(30)).hint());
    }

    @Test
    void theThresholdIsConfigurableAndNoActivityMeansNoFlag() {
        DueFlags twoHours = new DueFlags(Duration.ofHours(2));
        assertEquals("success", twoHours.flag(Optional.of(NOW.plus(Duration.ofHours(3))), NOW).orElseThrow().tone());
        assertEquals("warning", twoHours.flag(Optional.of(NOW.plus(Duration.ofHours(1))), NOW).orElseThrow().tone());
        assertEquals(Optional.empty(), flags.flag(Optional.empty(), NOW));
    }
}
