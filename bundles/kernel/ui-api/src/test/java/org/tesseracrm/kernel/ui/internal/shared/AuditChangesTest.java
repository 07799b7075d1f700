package org.tesseracrm.kernel.ui.internal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.FieldChange;

class AuditChangesTest {
    @Test
    void showsEachChangeOnItsOwnLineWithADashForNoValue() {
        AuditEntry entry = new AuditEntry(1, Instant.EPOCH, "admin", "contacts", "contact", 7, "Ada Lovelace",
                AuditAction.UPDATE, List.of(new FieldChange("lastName", "Byron", "Lovelace"),
                        new FieldChange("email", "", "ada@example.org"), new FieldChange("phone", "+44 1", "")));
        assertEquals("lastName: Byron → Lovelace\nemail: — → ada@example.org\nphone: +44 1 → —",
                AuditChanges.lines(entry));
    }

    @Test
    void showsStoredTimesAsEveryOtherTimeIsShown() {
        AuditEntry entry = new AuditEntry(3, Instant.EPOCH, "admin", "activities", "activity", 9, "Call back",
                AuditAction.UPDATE, List.of(new FieldChange("dueAt", "2026-12-04 16:49", "2026-12-05 09:00")));
        // outside a session: the default, UTC and English (United States)
        assertEquals("dueAt: Dec 4, 2026, 4:49 PM → Dec 5, 2026, 9:00 AM", AuditChanges.lines(entry));
    }

    @Test
    void showsNothingForAnEntryWithoutChanges() {
        assertEquals("", AuditChanges.lines(new AuditEntry(2, Instant.EPOCH, "admin", "contacts", "contact", 7, "Ada",
                AuditAction.DELETE, List.of())));
    }
}
