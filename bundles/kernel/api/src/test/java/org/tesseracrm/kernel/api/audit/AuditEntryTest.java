package org.tesseracrm.kernel.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void describesEachChangeAsOldArrowNewInOrder() {
        AuditEntry entry = new AuditEntry(1, Instant.EPOCH, "ada", "contacts", "contact", 7, "Ada", AuditAction.UPDATE,
                List.of(new FieldChange("lastName", "Byron", "Lovelace"), new FieldChange("email", "", "ada@example.org")));
        assertEquals("lastName: Byron → Lovelace; email:  → ada@example.org", entry.changesText());
    }
}
