package org.tesseracrm.followups.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RowDecoration.Mark;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

class ChainTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);
    private static final LocalTimes TIMES = LocalTimes.of(new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.US));

    private static FollowUp planned(long id, LocalDateTime due) {
        return new FollowUp(id, 1, "company", 7, "Initech", "Call about the quote", due, Optional.of(due.minusHours(1)),
                Optional.empty(), "", false, "ada", 0);
    }

    private static FollowUp done(long id, boolean concludes) {
        return new FollowUp(id, 2, "company", 7, "Initech", "Call about the quote", NOW.minusDays(3), Optional.empty(),
                Optional.of(NOW.minusDays(2)), "Price too high; new quote to follow", concludes, "ada", 0);
    }

    private static String message(Runnable check) {
        return assertThrows(ValidationException.class, check::run).errors().get(0).message();
    }

    @Test
    void theNextFollowUpIsPlannedOnlyFromARecordedResultAndNeverAfterTheConclusion() {
        Chain.checkPlan(List.of(), "Call about the quote", NOW.plusDays(1), null);
        Chain.checkPlan(List.of(done(1, false)), "Check they saw the new quote", NOW.plusDays(1), NOW);
        assertTrue(message(() -> Chain.checkPlan(List.of(planned(2, NOW.plusDays(1)), done(1, false)), "Another",
                NOW.plusDays(2), null)).startsWith("Record the result of \"Call about the quote\" first"));
        assertTrue(message(() -> Chain.checkPlan(List.of(done(3, true)), "Another", NOW.plusDays(2), null))
                .contains("concluded"));
        assertTrue(message(() -> Chain.checkPlan(List.of(), " ", NOW, null)).contains("what is to be done"));
        assertTrue(message(() -> Chain.checkPlan(List.of(), "Call", NOW, NOW.plusMinutes(1))).contains("reminder"));
    }

    @Test
    void onlyTheNewestOpenFollowUpTakesAResultWithDetailsAndNotInTheFuture() {
        List<FollowUp> chain = List.of(planned(2, NOW.minusDays(1)), done(1, false));
        Chain.checkResult(chain, 2, NOW.minusHours(1), "They accept", NOW);
        assertTrue(message(() -> Chain.checkResult(chain, 1, NOW, "x", NOW)).contains("newest open"));
        assertTrue(message(() -> Chain.checkResult(chain, 2, NOW, "  ", NOW)).contains("Describe the result"));
        assertTrue(message(() -> Chain.checkResult(chain, 2, NOW.plusHours(1), "x", NOW)).contains("future"));
        assertTrue(message(() -> Chain.checkResult(List.of(done(1, false)), 1, NOW, "x", NOW)).contains("newest open"));
    }

    @Test
    void statusIsYellowInProgressBlueConcludedRedOverdueWithDaysLateAndReminderInTheTooltip() {
        assertEquals(Optional.empty(), Chain.status(Optional.empty(), NOW));
        assertEquals(Chain.Status.IN_PROGRESS, Chain.status(Optional.of(planned(1, NOW.plusHours(2))), NOW).orElseThrow());
        assertEquals(Chain.Status.IN_PROGRESS, Chain.status(Optional.of(done(1, false)), NOW).orElseThrow());
        assertEquals(Chain.Status.CONCLUDED, Chain.status(Optional.of(done(1, true)), NOW).orElseThrow());
        assertEquals(Chain.Status.OVERDUE, Chain.status(Optional.of(planned(1, NOW.minusMinutes(1))), NOW).orElseThrow());

        Mark late = Chain.mark(Optional.of(planned(1, NOW.minusDays(3).minusHours(1))), NOW, TIMES).orElseThrow();
        assertEquals("error", late.tone());
        assertEquals("Overdue 3 d", late.text());
        assertTrue(late.hint().contains("3 days late"), late.hint());
        assertTrue(late.hint().contains("Reminder: Nov 21, 2026, 11:00 AM"), late.hint());
        assertEquals("warning", Chain.mark(Optional.of(planned(1, NOW.plusDays(1))), NOW, TIMES).orElseThrow().tone());
        Mark concluded = Chain.mark(Optional.of(done(1, true)), NOW, TIMES).orElseThrow();
        assertEquals("Concluded", concluded.text());
        assertEquals("", concluded.tone(), "the default badge colour is blue");
        assertTrue(concluded.hint().contains("Price too high"), concluded.hint());
        assertEquals(0, Chain.daysLate(done(1, false), NOW), "a follow-up with a result is not late");
    }
}
