package org.tesseracrm.faq.internal.service;

import java.util.Comparator;
import java.util.List;

/** Orders the FAQs matching a text: most matched words first, then the most used, then the oldest (lowest id). */
final class FaqRanking {
    /**
     * A FAQ that matched.
     *
     * @param id the FAQ
     * @param matches how many of the text's words it holds
     * @param timesUsed how many cases it was attached to
     */
    record Candidate(long id, int matches, long timesUsed) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::matches).reversed()
            .thenComparing(Comparator.comparingLong(Candidate::timesUsed).reversed())
            .thenComparingLong(Candidate::id);

    private FaqRanking() {
    }

    /**
     * @param candidates the matching FAQs, in any order
     * @param limit the most wanted
     * @return the best, best first
     */
    static List<Candidate> best(List<Candidate> candidates, int limit) {
        return candidates.stream().filter(c -> c.matches() > 0).sorted(ORDER).limit(limit).toList();
    }
}
