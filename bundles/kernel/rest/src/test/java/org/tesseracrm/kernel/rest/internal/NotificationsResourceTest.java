package org.tesseracrm.kernel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.Notification;

class NotificationsResourceTest {

    @Test
    void theLimitDefaultsAndIsRefusedOutsideItsRange() {
        assertEquals(NotificationsResource.DEFAULT_LIMIT, NotificationsResource.limit(null));
        assertEquals(NotificationsResource.DEFAULT_LIMIT, NotificationsResource.limit(" "));
        assertEquals(1, NotificationsResource.limit("1"));
        assertEquals(200, NotificationsResource.limit("200"));
        for (String wrong : new String[] {"0", "201", "-1", "ten", "1e3"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> NotificationsResource.limit(wrong));
            assertEquals("limit: Give a whole number from 1 to 200.", e.getMessage());
        }
    }

    @Test
    void aViewNamesItsRecordOnlyWhenLinked() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        var linked = NotificationsResource.NotificationView.of(new Notification(3, "Late", "", "case", 12, "Case #12",
                "cases.escalation:12:1", at, false));
        assertEquals(new NotificationsResource.RecordLink("case", 12, "Case #12"), linked.record());
        assertEquals("2026-12-05T10:00:00Z", linked.createdAt());
        var plain = NotificationsResource.NotificationView.of(new Notification(4, "Hi", "", "", 0, "", "", at, true));
        assertNull(plain.record());
        assertNull(plain.source());
    }
}
