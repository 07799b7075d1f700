package org.tesseracrm.followups.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.followups.internal.service.FollowUp;
import org.tesseracrm.followups.internal.report.StatusTally.Row;

class StatusTallyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 24 November 2026, 13:00 in Berlin. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final Map<String, String> BRANCHES = Map.of("ada", "North", "bob", "");

    private static FollowUp open(long id, String owner, LocalDateTime dueUtc) {
        return new FollowUp(id, 1, "opportunity", id, "Deal", "Call", dueUtc, Optional.empty(), Optional.empty(), "",
                false, owner, 0);
    }

    private static FollowUp recorded(long id, String owner, LocalDateTime dueUtc, LocalDateTime resultUtc,
            boolean concludes) {
        return new FollowUp(id, 2, "opportunity", id, "Deal", "Call", dueUtc, Optional.empty(), Optional.of(resultUtc),
                "Done", concludes, owner, 0);
    }

    private static List<Row> tally(FollowUp... newest) {
        return StatusTally.tally(List.of(newest), BRANCHES, FROM, TO, BERLIN, NOW);
    }

    @Test
    void dueTodayIsOverdueOnceItsTimeHasPassedAndInProgressBefore() {
        assertEquals(List.of(new Row("ada", "North", 1, 0, 1)),
                tally(open(1, "ada", NOW.minusMinutes(1)), open(2, "ada", NOW.plusMinutes(1))));
    }

    @Test
    void concludedLateIsConcludedAndARecordedResultWithoutConclusionIsInProgress() {
        assertEquals(List.of(new Row("ada", "North", 1, 1, 0)),
                tally(recorded(1, "ada", NOW.minusDays(10), NOW.minusDays(2), true),
                        recorded(2, "ada", NOW.minusDays(10), NOW.minusDays(9), false)));
    }

    @Test
    void thePeriodsDaysAreIncludedInTheReadersZoneAndTheDaysAroundLeftOut() {
        // 1 November 00:00 in Berlin is 31 October 23:00 UTC; 30 November 24:00 is 23:00 UTC
        assertEquals(List.of(new Row("bob", "", 1, 0, 1)),
                tally(open(1, "bob", LocalDateTime.of(2026, 10, 31, 23, 0)),
                        open(2, "bob", LocalDateTime.of(2026, 10, 31, 22, 59)),
                        open(3, "bob", LocalDateTime.of(2026, 11, 30, 22, 59)),
                        open(4, "bob", LocalDateTime.of(2026, 11, 30, 23, 0))));
    }

    @Test
    void agentsAreRowsWithTheirBranchAndNoChainsNoRows() {
        assertEquals(List.of(), tally());
        assertEquals(List.of(new Row("ada", "North", 0, 0, 1), new Row("bob", "", 1, 0, 0), new Row("eve", "", 0, 1, 0)),
                tally(open(1, "bob", NOW.plusDays(1)), open(2, "ada", NOW.minusDays(1)),
                        recorded(3, "eve", NOW.minusDays(1), NOW.minusHours(1), true)));
    }
}
