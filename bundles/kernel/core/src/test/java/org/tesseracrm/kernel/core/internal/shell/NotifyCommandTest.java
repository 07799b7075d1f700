package org.tesseracrm.kernel.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.NotificationInput;

class NotifyCommandTest {

    @Test
    void theRecordOptionIsTypeColonId() {
        assertEquals(NotificationInput.of("Late", "").withRecord("case", 12), NotifyCommand.input("Late", List.of(), "case:12"));
        assertEquals(NotificationInput.of("Hi", "Body"), NotifyCommand.input("Hi", List.of("Body"), null));
        // after the arguments too, as the command's usage writes it
        assertEquals(NotificationInput.of("Late", "Due").withRecord("case", 12),
                NotifyCommand.input("Late", List.of("Due", "--record", "case:12"), null));
        assertEquals(NotificationInput.of("Late", "").withRecord("case", 12),
                NotifyCommand.input("Late", List.of("--record", "case:12"), null));
        assertEquals(NotificationInput.of("Late", "Due").withRecord("case", 12),
                NotifyCommand.input("Late", List.of("--record", "case:12", "Due"), null));
    }

    @Test
    void aRecordWithoutTypeOrNumberIsRefused() {
        for (String wrong : new String[] {"case", ":12", "case:twelve"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> NotifyCommand.input("Hi", List.of(), wrong));
            assertEquals("record: Give the record as type:id, e.g. case:12.", e.getMessage());
        }
        ValidationException words = assertThrows(ValidationException.class,
                () -> NotifyCommand.input("Hi", List.of("two", "words"), null));
        assertEquals("text: Put the text in quotes: it is one argument.", words.getMessage());
    }
}
