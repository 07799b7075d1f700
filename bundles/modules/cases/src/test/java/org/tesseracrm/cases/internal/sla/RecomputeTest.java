package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.api.StatusKind;

/** The recompute's decisions: which cases a change concerns, where a batch goes on, which calendar edits count. */
class RecomputeTest {
    private static final SlaCalendar STANDARD = new SlaCalendar(7, BusinessCalendar.standard(ZoneOffset.UTC),
            Map.of(), 75);

    @Test
    void aScopeKeyReadsBackEvenWithAColonInTheValue() {
        Recompute.Scope waiting = new Recompute.Scope(Recompute.Kind.STATUS, "On hold: vendor");
        assertEquals("status:On hold: vendor", waiting.key());
        assertEquals(Optional.of(waiting), Recompute.Scope.parse(waiting.key()));
        assertEquals(Optional.of(new Recompute.Scope(Recompute.Kind.CALENDAR, "12")),
                Recompute.Scope.parse("calendar:12"));
        assertEquals(Optional.empty(), Recompute.Scope.parse("weather:rain"));
        assertEquals(Optional.empty(), Recompute.Scope.parse("nothing"));
    }

    @Test
    void settingsChangesLeaveDoneCasesAsTheyWereButAStatusKindChangeReachesEveryCaseInIt() {
        for (Recompute.Kind kind : List.of(Recompute.Kind.CALENDAR, Recompute.Kind.PRIORITY, Recompute.Kind.TYPE)) {
            Recompute.Scope scope = new Recompute.Scope(kind, "x");
            assertTrue(scope.concerns(StatusKind.OPEN), kind + " open");
            assertTrue(scope.concerns(StatusKind.WAITING), kind + " waiting");
            assertFalse(scope.concerns(StatusKind.SOLVED), kind + " solved keeps its Met or Breached");
            assertFalse(scope.concerns(StatusKind.CLOSED), kind + " closed");
        }
        Recompute.Scope status = new Recompute.Scope(Recompute.Kind.STATUS, "Parked");
        for (StatusKind kind : StatusKind.values()) {
            assertTrue(status.concerns(kind), "a status that became " + kind + " stops or starts its cases' clocks");
        }
    }

    @Test
    void aFullBatchGoesOnAfterItsLastIdAShortOneEnds() {
        List<Long> full = LongStream.rangeClosed(11, 15).boxed().toList();
        assertEquals(OptionalLong.of(15), Recompute.continueAfter(full, 5));
        assertEquals(OptionalLong.empty(), Recompute.continueAfter(full.subList(0, 4), 5));
        assertEquals(OptionalLong.empty(), Recompute.continueAfter(List.of(), 5));
    }

    @Test
    void hoursHolidaysZoneAndAtRiskMoveDueTimesANameDoesNot() {
        BusinessCalendar cal = STANDARD.calendar();
        LocalDate bridge = LocalDate.of(2026, 12, 7);
        SlaCalendar renamed = new SlaCalendar(7, new BusinessCalendar("Office", cal.zone(), cal.week(),
                cal.holidays()), Map.of(), 75);
        assertFalse(Recompute.movesDueTimes(STANDARD, renamed));
        SlaCalendar holiday = new SlaCalendar(7, new BusinessCalendar(cal.name(), cal.zone(), cal.week(),
                Set.of(bridge)), Map.of(bridge, "Bridge"), 75);
        assertTrue(Recompute.movesDueTimes(STANDARD, holiday));
        SlaCalendar holidayRenamed = new SlaCalendar(7, holiday.calendar(), Map.of(bridge, "Bridge day"), 75);
        assertFalse(Recompute.movesDueTimes(holiday, holidayRenamed), "a holiday's name moves nothing");
        SlaCalendar madrid = new SlaCalendar(7, BusinessCalendar.standard(ZoneId.of("Europe/Madrid")), Map.of(), 75);
        assertTrue(Recompute.movesDueTimes(STANDARD, madrid));
        SlaCalendar shorter = new SlaCalendar(7, new BusinessCalendar(cal.name(), cal.zone(),
                Map.of(java.time.DayOfWeek.MONDAY, BusinessCalendar.parseHours("09:00-13:00")), cal.holidays()),
                Map.of(), 75);
        assertTrue(Recompute.movesDueTimes(STANDARD, shorter));
        assertTrue(Recompute.movesDueTimes(STANDARD, new SlaCalendar(7, cal, Map.of(), 50)));
    }
}
