package org.tesseracrm.kernel.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecordQueryTest {

    @Test
    void blankTextMeansNoFilter() {
        assertTrue(RecordQuery.page(0, 50).withText("   ").text().isEmpty());
        assertTrue(RecordQuery.page(0, 50).withText(null).text().isEmpty());
    }

    @Test
    void textIsTrimmed() {
        assertEquals("ada", RecordQuery.page(0, 50).withText("  ada ").text().orElseThrow());
    }

    @Test
    void refusesNegativeOffsetAndOversizedPages() {
        assertThrows(IllegalArgumentException.class, () -> RecordQuery.page(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> RecordQuery.page(0, 0));
        assertThrows(IllegalArgumentException.class, () -> RecordQuery.page(0, RecordQuery.MAX_LIMIT + 1));
    }

    @Test
    void keepsSortAndTextWhenEitherChanges() {
        RecordQuery q = RecordQuery.page(10, 20).withText("x").withSort(List.of(new SortOrder("lastName", false)));
        assertEquals(10, q.offset());
        assertEquals("x", q.text().orElseThrow());
        assertEquals(List.of(new SortOrder("lastName", false)), q.sort());
    }
}
