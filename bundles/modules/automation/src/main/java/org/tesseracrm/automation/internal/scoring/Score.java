package org.tesseracrm.automation.internal.scoring;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.tesseracrm.automation.api.ScoringRule;

/**
 * A record's score: the sum over the active rules of its type of their points, once for a {@code FIELDS} rule whose
 * criteria the record meets, and for each activity done (up to the cap) for an {@code ACTIVITIES_DONE} rule.
 */
final class Score {
    private Score() {
    }

    /**
     * @param rules the rules of the record's type
     * @param meets whether the record meets a FIELDS rule's criteria
     * @param activitiesDone how many activities done on the record meet an ACTIVITIES_DONE rule's criteria
     * @return the score
     */
    static long of(List<ScoringRule> rules, Predicate<ScoringRule> meets, ToLongFunction<ScoringRule> activitiesDone) {
        long score = 0;
        for (ScoringRule rule : rules) {
            if (!rule.active()) {
                continue;
            }
            score += switch (rule.basis()) {
                case FIELDS -> meets.test(rule) ? rule.points() : 0;
                case ACTIVITIES_DONE -> Math.min(activitiesDone.applyAsLong(rule), Math.max(1, rule.cap()))
                        * (long) rule.points();
            };
        }
        return score;
    }
}
