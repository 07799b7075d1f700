package org.tesseracrm.faq.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.faq.internal.service.FaqRanking.Candidate;

class FaqRankingTest {
    @Test
    void moreMatchedWordsWinThenMoreCasesSolvedThenTheOlderFaq() {
        List<Candidate> ranked = FaqRanking.best(List.of(new Candidate(1, 1, 50), new Candidate(2, 3, 0),
                new Candidate(3, 2, 7), new Candidate(4, 2, 9), new Candidate(5, 2, 9)), 10);
        assertEquals(List.of(2L, 4L, 5L, 3L, 1L), ranked.stream().map(Candidate::id).toList());
    }

    @Test
    void onlyTheBestUpToTheLimitAndNothingWithoutAMatch() {
        List<Candidate> ranked = FaqRanking.best(List.of(new Candidate(1, 0, 99), new Candidate(2, 1, 0),
                new Candidate(3, 4, 0)), 1);
        assertEquals(List.of(3L), ranked.stream().map(Candidate::id).toList());
        assertEquals(List.of(), FaqRanking.best(List.of(new Candidate(1, 0, 99)), 5));
    }
}
