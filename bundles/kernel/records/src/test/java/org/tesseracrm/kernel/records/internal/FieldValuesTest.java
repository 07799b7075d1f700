package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;

class FieldValuesTest {

    @Test
    void whatFormatWritesParseReads() {
        for (FieldDefinition field : PeopleType.CUSTOM) {
            Object value = switch (field.type()) {
                case NUMBER -> new BigDecimal("-1234.5");
                case DATE -> LocalDate.of(2026, 2, 28);
                case DATE_TIME -> LocalDateTime.of(2026, 11, 23, 14, 5);
                case BOOLEAN -> Boolean.FALSE;
                case MULTI_PICKLIST -> List.of("VIP", "Partner");
                default -> "Enterprise";
            };
            assertEquals(value, FieldValues.parse(field, RecordRow.format(value)), field.name());
        }
    }

    @Test
    void blankIsNoValue() {
        assertNull(FieldValues.parse(field(FieldType.NUMBER, 0), "  "));
    }

    @Test
    void acceptsCommonSpellings() {
        assertEquals(new BigDecimal("1234567.25"), FieldValues.parse(field(FieldType.MONEY, 0), "1,234,567.25"));
        assertEquals(Boolean.TRUE, FieldValues.parse(field(FieldType.BOOLEAN, 0), "TRUE"));
        assertEquals(LocalDateTime.of(2026, 11, 23, 14, 30), FieldValues.parse(field(FieldType.DATE_TIME, 0),
                "2026-11-23T14:30"));
        assertEquals(List.of("a", "b"), FieldValues.parse(field(FieldType.MULTI_PICKLIST, 100), "a;b; a ;"));
    }

    @Test
    void refusesWithAMessageSayingWhatToEnter() {
        assertMessage("Enter a number like 1234.5 (at most 15 digits before the point and 4 after)",
                FieldType.NUMBER, 0, "12a");
        assertMessage("At most 2 digits after the point", FieldType.MONEY, 0, "1.234");
        assertMessage("Enter a date like 2026-11-23", FieldType.DATE, 0, "23/11/2026");
        assertMessage("Enter Yes or No", FieldType.BOOLEAN, 0, "maybe");
        assertMessage("Enter an e-mail address like name@example.org", FieldType.EMAIL, 254, "ada(at)example");
        assertMessage("Enter a web address starting with http:// or https://", FieldType.URL, 1000, "javascript:x");
        assertMessage("At most 5 characters (this has 6)", FieldType.TEXT, 5, "abcdef");
    }

    private static void assertMessage(String message, FieldType type, int length, String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> FieldValues.parse(field(type, length), text));
        assertEquals(message, e.errors().get(0).message());
        assertEquals("cf_x", e.errors().get(0).field());
    }

    private static FieldDefinition field(FieldType type, int length) {
        return PeopleType.custom("cf_x", "X", type, length);
    }
}
