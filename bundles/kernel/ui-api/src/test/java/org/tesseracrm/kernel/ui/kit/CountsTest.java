package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void saysOneInTheSingularAndEveryOtherCountInThePlural() {
        assertEquals("1 row", Counts.of(1, "row", "rows"));
        assertEquals("0 rows", Counts.of(0, "row", "rows"));
        assertEquals("2 contacts", Counts.of(2, "contact", "contacts"));
    }

    @Test
    void separatesThousands() {
        assertEquals("1,204 rows", Counts.of(1_204, "row", "rows"));
    }
}
