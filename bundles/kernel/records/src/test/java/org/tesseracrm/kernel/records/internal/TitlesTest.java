package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TitlesTest {
    private static final PeopleType PEOPLE = new PeopleType();

    @Test
    void recordsTheCallerMayNotSeeAreNamedByTypeAndIdOnly() {
        Map<Long, String> shown = Titles.shown(List.of(1L, 2L, 3L), Map.of(2L, "Ada Lovelace"), PEOPLE::neutralTitle);
        assertEquals(Map.of(1L, PEOPLE.label() + " #1", 2L, "Ada Lovelace", 3L, PEOPLE.label() + " #3"), shown);
    }

    @Test
    void withoutAnyVisibleRecordNoTitleLeaks() {
        assertEquals(Map.of(12L, PEOPLE.label() + " #12"), Titles.shown(List.of(12L, 12L), Map.of(), PEOPLE::neutralTitle));
    }

    @Test
    void missingIdsAreSkipped() {
        assertEquals(Map.of(5L, "x #5"), Titles.shown(Arrays.asList(null, 5L), Map.of(), id -> "x #" + id));
    }
}
