package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;

class KeysetTest {
    private static final List<SortOrder> KEYS = List.of(new SortOrder("a", true), new SortOrder("b", false),
            new SortOrder("c", true), new SortOrder("d", true), new SortOrder("e", true), new SortOrder("f", true),
            new SortOrder("g", true), new SortOrder("h", true));
    private static final RecordQuery QUERY = RecordQuery.page(0, 50).withText("ü|\"x\"")
            .withFilters(List.of(new Filter("a", FilterOp.IN, List.of("1,2", "3"))));

    @Test
    void aCursorGivesBackEveryKindOfValueExactly() {
        Keyset at = new Keyset(Arrays.asList("Zoë, \"quoted\" | é", new BigDecimal("12.5000"), LocalDate.of(2026, 12, 5),
                LocalDateTime.of(2026, 12, 5, 9, 30, 1, 123_456_000), Boolean.FALSE, 42L, null, ""), Long.MAX_VALUE);
        String cursor = at.cursor("contact", KEYS, QUERY);
        assertEquals(at, Keyset.of(cursor, "contact", KEYS, QUERY));
        assertEquals(new BigDecimal("12.5000"), Keyset.of(cursor, "contact", KEYS, QUERY).values().get(1));
        assertThrows(ValidationException.class, () -> Keyset.of(cursor, "contact", KEYS, QUERY.withText("x")));
        assertThrows(ValidationException.class, () -> Keyset.of(cursor, "company", KEYS, QUERY));
        assertThrows(ValidationException.class, () -> Keyset.of(cursor, "contact", KEYS.subList(0, 7), QUERY));
    }
}
