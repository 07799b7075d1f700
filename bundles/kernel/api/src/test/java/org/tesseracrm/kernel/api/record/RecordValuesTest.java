package org.tesseracrm.kernel.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecordValuesTest {

    @Test
    void keepsTypedValuesAndTextApartAndTheLastSettingOfAField() {
        List<String> tags = new ArrayList<>(List.of("VIP"));
        RecordValues values = RecordValues.builder().set("lastName", "Lovelace").set("score", 42L)
                .set("renewal", LocalDate.of(2026, 3, 1)).set("vip", true).set("tags", tags)
                .set("company", new RecordRef("company", 7, "Acme")).clear("phone")
                .text("amount", "1,234.50").set("amount", new BigDecimal("12")).text("vip", "No").build();
        tags.add("later");

        assertEquals(Set.of("lastName", "score", "renewal", "tags", "company", "phone", "amount", "vip"), values.fields());
        assertEquals(Optional.of(List.of("VIP")), values.value("tags"), "a copy of the list");
        assertEquals(Optional.of(new BigDecimal("12")), values.value("amount"), "typed replaces text");
        assertEquals(Map.of("vip", "No"), values.texts(), "text replaces typed");
        assertEquals(Optional.empty(), values.value("phone"));
        assertTrue(values.typed().containsKey("phone"), "cleared is given, empty");
        assertEquals(RecordValues.ofText(Map.of("a", "1")), RecordValues.builder().text("a", "1").build());
        assertTrue(RecordValues.empty().isEmpty());
    }

    @Test
    void rowsGiveTheirValuesTyped() {
        RecordRow row = new RecordRow(1, 1, Map.of("renewal", LocalDate.of(2026, 3, 1),
                "seen", LocalDateTime.of(2026, 3, 1, 9, 30), "score", new BigDecimal("4.5"), "vip", Boolean.TRUE,
                "company", 7L, "tags", List.of("VIP", "Partner"), "lastName", "Lovelace"));

        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), row.date("renewal"));
        assertEquals(Optional.of(LocalDateTime.of(2026, 3, 1, 9, 30)), row.dateTime("seen"));
        assertEquals(Optional.of(new BigDecimal("4.5")), row.decimal("score"));
        assertEquals(Optional.of(true), row.bool("vip"));
        assertEquals(OptionalLong.of(7), row.lookup("company"));
        assertEquals(List.of("VIP", "Partner"), row.multi("tags"));
        assertEquals("Lovelace", row.text("lastName"));
        assertEquals(Optional.empty(), row.date("missing"));
        assertEquals(OptionalLong.empty(), row.lookup("missing"));
        assertEquals(List.of(), row.multi("missing"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.date("lastName"));
        assertEquals("Field lastName holds a String, not a LocalDate", e.getMessage());
    }
}
