package org.tesseracrm.kernel.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.NotificationInput;

class NotifyCommandTest {

    @Test
    void theRecordOptionIsTypeColonId() {
        assertEquals(NotificationInput.of("Late", "").withRecord("case", 12), NotifyCommand.input("Late", null, "case:12"));
        assertEquals(NotificationInput.of("Hi", "Body"), NotifyCommand.input("Hi", "Body", null));
    }

    @Test
    void aRecordWithoutTypeOrNumberIsRefused() {
        for (String wrong : new String[] {"case", ":12", "case:twelve"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> NotifyCommand.input("Hi", null, wrong));
            assertEquals("record: Give the record as type:id, e.g. case:12.", e.getMessage());
        }
    }
}
