package org.tesseracrm.kernel.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

class RecordJsonTest {
    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("revenue", "Revenue", FieldType.MONEY, "REVENUE", false, 0),
            FieldDefinition.predefined("birthday", "Birthday", FieldType.DATE, "BIRTHDAY", false, 0),
            FieldDefinition.predefined("nextCall", "Next call", FieldType.DATE_TIME, "NEXT_CALL", false, 0),
            FieldDefinition.predefined("vip", "VIP", FieldType.BOOLEAN, "VIP", false, 0),
            FieldDefinition.predefined("tags", "Tags", FieldType.MULTI_PICKLIST, "TAGS", false, 0),
            new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY", false,
                    Optional.of("company")),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0));

    @Test
    void writesEveryTypeInItsJsonShapeWithIdAndVersionFirstAndDateTimesAsUtcInstants() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lastName", "Lovelace");
        values.put("revenue", new BigDecimal("1250.50"));
        values.put("birthday", LocalDate.of(1815, 12, 10));
        values.put("nextCall", LocalDateTime.of(2026, 12, 5, 9, 30));
        values.put("vip", true);
        values.put("tags", List.of("Retail", "Gold"));
        values.put("company", 7L);
        RecordRow row = new RecordRow(12, 3, values);

        Map<String, Object> json = RecordJson.write(FIELDS, row, List.of());

        assertEquals(List.of("id", "version", "lastName", "revenue", "birthday", "nextCall", "vip", "tags", "company",
                "createdAt"), List.copyOf(json.keySet()));
        assertEquals(12L, json.get("id"));
        assertEquals(new BigDecimal("1250.50"), json.get("revenue"));
        assertEquals("1815-12-10", json.get("birthday"));
        assertEquals("2026-12-05T09:30:00Z", json.get("nextCall"));
        assertEquals(List.of("Retail", "Gold"), json.get("tags"));
        assertEquals(7L, json.get("company"));
        assertEquals(null, json.get("createdAt"));
        assertEquals(List.of("id", "version", "vip"), List.copyOf(RecordJson.write(FIELDS, row, Set.of("vip")).keySet()));
    }

    @Test
    void readsTheSameShapesBackConvertingOffsetsToUtcAndNullToClearing() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lastName", "Lovelace");
        json.put("revenue", 1250.5);
        json.put("birthday", "1815-12-10");
        json.put("nextCall", "2026-12-05T10:30:00+01:00");
        json.put("vip", false);
        json.put("tags", List.of("Retail"));
        json.put("company", 7);
        json.put("id", 12);
        json.put("version", 3);
        json.put("phone", null);

        List<FieldDefinition> withPhone = new java.util.ArrayList<>(FIELDS);
        withPhone.add(FieldDefinition.predefined("phone", "Phone", FieldType.PHONE, "PHONE", false, 40));
        RecordValues values = RecordJson.read(withPhone, json, Set.of("id", "version"));

        assertEquals(Optional.of(new BigDecimal("1250.5")), values.value("revenue"));
        assertEquals(Optional.of(LocalDate.of(1815, 12, 10)), values.value("birthday"));
        assertEquals(Optional.of(LocalDateTime.of(2026, 12, 5, 9, 30)), values.value("nextCall"));
        assertEquals(Optional.of(false), values.value("vip"));
        assertEquals(Optional.of(7L), values.value("company"));
        assertEquals(Optional.empty(), values.value("phone"));
        assertEquals(Set.of("lastName", "revenue", "birthday", "nextCall", "vip", "tags", "company", "phone"),
                values.fields());
    }

    @Test
    void refusesUnknownReadOnlyAndMisshapenFieldsAllAtOnceEachByName() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lastname", "Lovelace");
        json.put("createdAt", "2026-12-05T09:30:00Z");
        json.put("id", 4);
        json.put("revenue", "a lot");
        json.put("nextCall", "2026-12-05 09:30");
        json.put("company", "Acme");
        json.put("vip", "yes");
        json.put("tags", "Retail");
        json.put("birthday", 1815);

        ValidationException refused = assertThrows(ValidationException.class,
                () -> RecordJson.read(FIELDS, json, Set.of()));

        assertEquals(Arrays.asList("lastname", "createdAt", "id", "revenue", "nextCall", "company", "vip", "tags",
                "birthday"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("This field is read-only: the CRM sets it.", refused.errors().get(1).message());
        assertEquals("Enter a number, like 1250.50 (without quotes).", refused.errors().get(3).message());
    }
}
