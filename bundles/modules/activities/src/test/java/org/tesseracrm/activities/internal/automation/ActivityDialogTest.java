package org.tesseracrm.activities.internal.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.activities.internal.service.Kind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.TimeSpan;

class ActivityDialogTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Map<String, String> config(String... pairs) {
        Map<String, String> config = new HashMap<>(Map.of("kind", "call", "subject", "First filter",
                "completeWithin", "45 minutes"));
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void readsTheSeedsDialogWithItsDefaults() {
        ActivityDialog d = ActivityDialog.read(config("notifyBefore", "10 minutes", "notes", " Call them "));
        assertEquals(Kind.CALL, d.kind());
        assertEquals("First filter", d.subject());
        assertEquals(Optional.of(TimeSpan.parse("45 minutes")), d.completeWithin());
        assertEquals(Optional.of(TimeSpan.parse("10 minutes")), d.notifyBefore());
        assertEquals(Optional.empty(), d.assignee(), "the record's owner");
        assertEquals(Set.of(), d.groups(), "creation permission all");
        assertEquals("Call them", d.notes());
        assertFalse(d.businessHours());
        assertEquals(BusinessHours.DEFAULT, d.calendar());
        assertEquals(List.of("kind", "subject", "completeWithin", "dueField", "dueBefore", "notifyBefore",
                "assignee", "creation", "groups", "notes", "businessHours", "calendar"),
                ActivityDialog.PARAMETERS.stream().map(p -> p.name()).toList());
        assertEquals(List.of("call", "meeting", "task"), ActivityDialog.PARAMETERS.get(0).choices());
    }

    @Test
    void refusesEachWrongValueByItsParameter() {
        ValidationException e = assertThrows(ValidationException.class, () -> ActivityDialog.read(Map.of(
                "kind", "video-call", "subject", " ", "completeWithin", "29 minutes", "notifyBefore", "soon",
                "creation", "groups", "businessHours", "maybe")));
        assertEquals(List.of("kind", "subject", "completeWithin", "notifyBefore", "groups", "businessHours"),
                fields(e));
        assertEquals("Complete within at least 30 minutes (was 29 minutes)", e.errors().get(2).message());
        assertEquals(List.of("completeWithin"), fields(assertThrows(ValidationException.class,
                () -> ActivityDialog.read(Map.of("kind", "task", "subject", "x")))));
        assertEquals(List.of("creation"), fields(assertThrows(ValidationException.class,
                () -> ActivityDialog.read(config("creation", "some")))));
    }

    @Test
    void groupsRestrictTheRecordsByTheirOwnersGroupsIgnoringCase() {
        ActivityDialog all = ActivityDialog.read(config());
        assertTrue(all.appliesTo(Set.of()));
        ActivityDialog groups = ActivityDialog.read(config("creation", "groups", "groups", "Inside sales; SDR"));
        assertEquals(Set.of("Inside sales", "SDR"), groups.groups());
        assertTrue(groups.appliesTo(Set.of("sdr", "Field")));
        assertFalse(groups.appliesTo(Set.of("Field")));
        assertFalse(groups.appliesTo(Set.of()), "a record without owner, or an owner in no group");
    }

    @Test
    void dueCountedFromTheTriggerWithBusinessHours() {
        ActivityDialog d = ActivityDialog.read(config("completeWithin", "2 hours", "notifyBefore", "30 minutes",
                "businessHours", "true"));
        BusinessHours office = new OfficeHours(BERLIN, Set.of());
        Deadlines.Deadline friday = d.deadline(berlin("2026-12-04T16:00"), Optional.empty(), BERLIN,
                Optional.of(office));
        assertEquals(berlin("2026-12-07T10:00"), friday.due(), "past the weekend");
        assertEquals(berlin("2026-12-07T09:30"), friday.notifyAt().orElseThrow());
        assertEquals(berlin("2026-12-04T18:00"), d.deadline(berlin("2026-12-04T16:00"), Optional.empty(), BERLIN,
                Optional.empty()).due(), "no calendar installed: clock time");
    }

    @Test
    void dueBeforeTheRecordsDateConfirmsAMeetingAheadOfItsStart() {
        ActivityDialog d = ActivityDialog.read(Map.of("kind", "task", "subject", "Confirm meeting",
                "dueField", "dueAt", "dueBefore", "120 minutes", "notifyBefore", "15 minutes"));
        assertEquals(Optional.empty(), d.completeWithin());
        Instant scheduled = berlin("2026-12-04T09:00");
        Object start = LocalDateTime.parse("2026-12-07T13:00"); // UTC, as the platform stores it
        Deadlines.Deadline deadline = d.deadline(scheduled, Optional.of(start), BERLIN, Optional.empty());
        assertEquals(Instant.parse("2026-12-07T11:00:00Z"), deadline.due());
        assertEquals(Instant.parse("2026-12-07T10:45:00Z"), deadline.notifyAt().orElseThrow());
        // a meeting in an hour: due no sooner than 30 minutes after the trigger
        Object soon = LocalDateTime.parse("2026-12-04T09:00");
        assertEquals(scheduled.plusSeconds(1800), d.deadline(scheduled, Optional.of(soon), BERLIN, Optional.empty())
                .due());
        // a date field: its start of day in the zone
        assertEquals(berlin("2026-12-09T22:00"), d.deadline(scheduled, Optional.of(LocalDate.parse("2026-12-10")),
                BERLIN, Optional.empty()).due());
        assertEquals(List.of("dueField"), fields(assertThrows(ValidationException.class,
                () -> d.deadline(scheduled, Optional.of("tomorrow"), BERLIN, Optional.empty()))));
    }
}
