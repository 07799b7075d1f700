package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;

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

    @Test
    void checksTypedValuesOfEveryFieldTypeWithoutText() {
        assertEquals("Ada", FieldValues.check(field(FieldType.TEXT, 5), " Ada "));
        assertEquals("long\ntext", FieldValues.check(field(FieldType.LONG_TEXT, 0), "long\ntext"));
        assertEquals("ada@example.org", FieldValues.check(field(FieldType.EMAIL, 254), "ada@example.org"));
        assertEquals("+44 20", FieldValues.check(field(FieldType.PHONE, 40), "+44 20"));
        assertEquals("https://example.org", FieldValues.check(field(FieldType.URL, 1000), "https://example.org"));
        assertEquals("clerk", FieldValues.check(field(FieldType.USER, 100), "clerk"));
        assertEquals("Gold", FieldValues.check(field(FieldType.PICKLIST, 100), "Gold"));
        assertEquals(List.of("a", "b"), FieldValues.check(field(FieldType.MULTI_PICKLIST, 100), List.of("a", " b", "a")));
        assertEquals(new BigDecimal("1234.5678"), FieldValues.check(field(FieldType.NUMBER, 0), new BigDecimal("1234.5678")));
        assertEquals(new BigDecimal("42"), FieldValues.check(field(FieldType.NUMBER, 0), 42L));
        assertEquals(new BigDecimal("12.50"), FieldValues.check(field(FieldType.MONEY, 0), new BigDecimal("12.50")));
        assertEquals(new BigDecimal("12.5"), FieldValues.check(field(FieldType.MONEY, 0), new BigDecimal("12.5000")),
                "trailing zeros are no digits");
        assertEquals(LocalDate.of(2026, 2, 28), FieldValues.check(field(FieldType.DATE, 0), LocalDate.of(2026, 2, 28)));
        assertEquals(LocalDateTime.of(2026, 11, 23, 14, 5),
                FieldValues.check(field(FieldType.DATE_TIME, 0), LocalDateTime.of(2026, 11, 23, 14, 5)));
        assertEquals(LocalDateTime.of(2026, 11, 23, 0, 0),
                FieldValues.check(field(FieldType.DATE_TIME, 0), LocalDate.of(2026, 11, 23)), "a date is its start");
        assertEquals(Boolean.TRUE, FieldValues.check(field(FieldType.BOOLEAN, 0), true));
        assertEquals(12L, FieldValues.check(lookup(), 12L));
        assertEquals(12L, FieldValues.check(lookup(), new RecordRef("company", 12, "Acme")));
    }

    @Test
    void noValueIsNull() {
        assertNull(FieldValues.check(field(FieldType.TEXT, 5), "   "));
        assertNull(FieldValues.check(field(FieldType.EMAIL, 254), ""));
        assertNull(FieldValues.check(field(FieldType.MULTI_PICKLIST, 100), List.of()));
        assertNull(FieldValues.check(field(FieldType.DATE, 0), null));
    }

    @Test
    void refusesAWrongJavaTypeWithTheMessageForBadText() {
        assertTyped("Enter a date like 2026-11-23", FieldType.DATE, 0, "2026-11-23");
        assertTyped("Enter a date like 2026-11-23", FieldType.DATE, 0, LocalDateTime.of(2026, 11, 23, 14, 5));
        assertTyped("Enter a date and time like 2026-11-23 14:30", FieldType.DATE_TIME, 0, "2026-11-23 14:30");
        assertTyped("Enter a number like 1234.5 (at most 15 digits before the point and 4 after)", FieldType.NUMBER, 0,
                "12");
        assertTyped("Enter a number like 1234.5 (at most 15 digits before the point and 2 after)", FieldType.MONEY, 0,
                1.5d);
        assertTyped("Enter Yes or No", FieldType.BOOLEAN, 0, "Yes");
        assertTyped("Enter an e-mail address like name@example.org", FieldType.EMAIL, 254, 12L);
        assertTyped("Enter a web address starting with http:// or https://", FieldType.URL, 1000, List.of("x"));
        assertTyped("Enter text", FieldType.TEXT, 10, 12L);
        assertTyped("Choose values of the list", FieldType.MULTI_PICKLIST, 100, "a; b");
        assertTyped("Choose values of the list", FieldType.MULTI_PICKLIST, 100, List.of(1L));
        ValidationException e = assertThrows(ValidationException.class, () -> FieldValues.check(lookup(), "12"));
        assertEquals("Enter the id of a record", e.errors().get(0).message());
        assertThrows(ValidationException.class, () -> FieldValues.check(lookup(), new RecordRef("contact", 12, "Ada")),
                "a record of another type");
    }

    @Test
    void checksTypedValuesAgainstTheBoundsTextHas() {
        assertTyped("At most 5 characters (this has 6)", FieldType.TEXT, 5, "abcdef");
        assertTyped("At most 3 characters (this has 4)", FieldType.MULTI_PICKLIST, 3, List.of("abc", "abcd"));
        assertTyped("Enter an e-mail address like name@example.org", FieldType.EMAIL, 254, "ada(at)example");
        assertTyped("Enter a web address starting with http:// or https://", FieldType.URL, 1000, "javascript:x");
        assertTyped("At most 2 digits after the point", FieldType.MONEY, 0, new BigDecimal("1.234"));
        assertTyped("At most 4 digits after the point", FieldType.NUMBER, 0, new BigDecimal("0.00001"));
        assertTyped("Enter a number like 1234.5 (at most 15 digits before the point and 4 after)", FieldType.NUMBER, 0,
                new BigDecimal("1234567890123456"));
        assertEquals(new BigDecimal("123456789012345"),
                FieldValues.check(field(FieldType.NUMBER, 0), new BigDecimal("123456789012345")));
    }

    @Test
    void takesTypedValuesAndTextFromRecordValues() {
        RecordValues values = RecordValues.builder().set("cf_x", LocalDate.of(2026, 1, 2)).text("cf_y", "2026-01-03")
                .build();
        assertEquals(LocalDate.of(2026, 1, 2), FieldValues.of(field(FieldType.DATE, 0), values));
        assertEquals(LocalDate.of(2026, 1, 3), FieldValues.of(PeopleType.custom("cf_y", "Y", FieldType.DATE, 0), values));
        assertNull(FieldValues.of(PeopleType.custom("cf_z", "Z", FieldType.DATE, 0), values));
    }

    private static void assertTyped(String message, FieldType type, int length, Object value) {
        ValidationException e = assertThrows(ValidationException.class, () -> FieldValues.check(field(type, length), value));
        assertEquals(message, e.errors().get(0).message());
        assertEquals("cf_x", e.errors().get(0).field());
    }

    private static FieldDefinition lookup() {
        return new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                Optional.of("company"));
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
