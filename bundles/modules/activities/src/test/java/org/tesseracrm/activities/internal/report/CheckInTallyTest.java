package org.tesseracrm.activities.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.activities.internal.report.CheckInTally.Cell;
import org.tesseracrm.activities.internal.report.CheckInTally.Row;

class CheckInTallyTest {
    @Test
    void videoCheckInsCountAsCheckInsBesideVisitsInPerson() {
        List<Row> rows = CheckInTally.tally(List.of(new Cell("ada", "physical", "company", 1, 2),
                new Cell("ada", "video", "company", 1, 1), new Cell("bob", "video", "contact", 5, 3)),
                Map.of("company", Set.of(1L), "contact", Set.of(5L)));
        assertEquals(List.of(new Row("ada", 2, 1), new Row("bob", 0, 3)), rows);
        assertEquals(3, rows.get(0).total());
    }

    @Test
    void checkInsOnRecordsTheReaderDoesNotSeeAreLeftOut() {
        assertEquals(List.of(new Row("ada", 1, 0)), CheckInTally.tally(List.of(new Cell("ada", "physical", "company", 1, 1),
                new Cell("ada", "physical", "company", 2, 4), new Cell("bob", "video", "lead", 9, 1)),
                Map.of("company", Set.of(1L))));
        assertEquals(List.of(), CheckInTally.tally(List.of(), Map.of()));
    }
}
