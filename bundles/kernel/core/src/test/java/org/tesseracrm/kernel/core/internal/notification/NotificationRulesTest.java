package org.tesseracrm.kernel.core.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.Notifications;

class NotificationRulesTest {

    @Test
    void acceptsATitleAloneAndStripsTitleAndSource() {
        NotificationInput checked = NotificationRules.checked("anna",
                new NotificationInput("  Case PET-1 is late ", "", "", 0, " cases.escalation:1:1 "));
        assertEquals("Case PET-1 is late", checked.title());
        assertEquals("cases.escalation:1:1", checked.source());
        assertEquals(false, checked.hasRecord());
    }

    @Test
    void refusesABlankTitleAndAMissingUserWithMessagesPerField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> NotificationRules.checked(" ", NotificationInput.of("   ", "")));
        assertEquals(List.of("username", "title"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("A notification needs a title.", e.errors().get(1).message());
    }

    @Test
    void refusesTooLongPartsSayingHowLong() {
        String title = "t".repeat(Notifications.MAX_TITLE + 1);
        String text = "x".repeat(Notifications.MAX_TEXT + 5);
        String source = "s".repeat(Notifications.MAX_SOURCE + 1);
        ValidationException e = assertThrows(ValidationException.class,
                () -> NotificationRules.checked("anna", new NotificationInput(title, text, "", 0, source)));
        assertEquals(List.of("title", "text", "source"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("At most 2000 characters; this one has 2005. Shorten it.", e.errors().get(1).message());
        // exactly at the limits is fine
        NotificationRules.checked("anna", new NotificationInput("t".repeat(Notifications.MAX_TITLE),
                "x".repeat(Notifications.MAX_TEXT), "", 0, "s".repeat(Notifications.MAX_SOURCE)));
    }

    @Test
    void aRecordLinkNeedsBothTypeAndIdAndAValidType() {
        ValidationException noId = assertThrows(ValidationException.class,
                () -> NotificationRules.checked("anna", NotificationInput.of("Late", "").withRecord("case", 0)));
        assertEquals("Give the id of the case the notification is about, or no record type.", noId.errors().get(0).message());
        ValidationException noType = assertThrows(ValidationException.class,
                () -> NotificationRules.checked("anna", NotificationInput.of("Late", "").withRecord("", 12)));
        assertEquals("record", noType.errors().get(0).field());
        assertTrue(noType.errors().get(0).message().contains("record type of record 12"));
        assertThrows(ValidationException.class,
                () -> NotificationRules.checked("anna", NotificationInput.of("Late", "").withRecord("Case; DROP", 12)));
        NotificationInput linked = NotificationRules.checked("anna", NotificationInput.of("Late", "").withRecord("case", 12));
        assertEquals("case", linked.recordType());
        assertEquals(12, linked.recordId());
        // a negative id without a type is no link at all
        assertEquals(0, NotificationRules.checked("anna", NotificationInput.of("Late", "").withRecord("", -3)).recordId());
    }

    @Test
    void clampsListLimits() {
        assertEquals(1, NotificationRules.listLimit(0));
        assertEquals(1, NotificationRules.listLimit(-5));
        assertEquals(50, NotificationRules.listLimit(50));
        assertEquals(Notifications.MAX_LIST, NotificationRules.listLimit(10_000));
    }

    @Test
    void keepsTheNewestFiveHundredAndReadOnesForNinetyDays() {
        List<Long> newestFirst = LongStream.rangeClosed(1, 503).map(i -> 504 - i).boxed().toList();
        assertEquals(List.of(3L, 2L, 1L), NotificationRules.beyondKept(newestFirst));
        assertEquals(List.of(), NotificationRules.beyondKept(newestFirst.subList(0, 500)));
        assertEquals(Instant.parse("2026-09-06T10:00:00Z"), NotificationRules.readCutoff(Instant.parse("2026-12-05T10:00:00Z")));
    }

    @Test
    void namesARecordNeutrallyWithoutThePlatform() {
        assertEquals("Case #12", NotificationRules.neutralTitle("case", 12));
        assertEquals("", NotificationRules.neutralTitle("", 0));
    }
}
