package org.tesseracrm.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's escalation rule: which cases (a case type and/or a priority; empty for any), when the first
 * level fires (after a share of the SLA's allowed time, or some business minutes past the due time), and how the
 * next levels follow (every {@code repeatMinutes} business minutes one level further up the role tree, up to
 * {@code maxLevel}). Of the rules a case matches, the first by position applies: put specific rules before general
 * ones.
 *
 * @param id the stored id (0 before it is stored)
 * @param position the position among the rules, smallest first
 * @param caseType the case type it applies to; empty for every type
 * @param priority the priority it applies to; empty for every priority
 * @param trigger when the first level fires
 * @param amount the percentage of the allowed time for {@link Trigger#PERCENT_OF_SLA}, the business minutes past due
 *     for {@link Trigger#MINUTES_PAST_DUE}
 * @param repeatMinutes business minutes between one level and the next, at least 1
 * @param maxLevel the highest level it escalates to, 1 (the responsible's manager) to 10
 */
public record EscalationRule(long id, int position, Optional<String> caseType, Optional<String> priority,
        Trigger trigger, int amount, int repeatMinutes, int maxLevel) {
    /** The highest level a rule may reach. */
    public static final int MAX_LEVEL = 10;

    /** When a rule's first level fires. */
    public enum Trigger {
        /** When the clock has used this percentage of the allowed time (100 = at the due time). */
        PERCENT_OF_SLA("percent"),
        /** This many business minutes after the due time (0 = at the due time). */
        MINUTES_PAST_DUE("minutes");

        private final String code;

        Trigger(String code) {
            this.code = code;
        }

        /** @return the stored code, {@code percent} or {@code minutes} */
        public String code() {
            return code;
        }

        /**
         * @param code a stored code or a name
         * @return the trigger
         * @throws IllegalArgumentException for anything else
         */
        public static Trigger parse(String code) {
            for (Trigger t : values()) {
                if (t.code.equalsIgnoreCase(code.trim()) || t.name().equalsIgnoreCase(code.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("'" + code + "' is not a trigger: percent or minutes.");
        }
    }

    /** Checks the values. */
    public EscalationRule {
        Objects.requireNonNull(caseType, "caseType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(trigger, "trigger");
        caseType = caseType.map(String::trim).filter(s -> !s.isEmpty());
        priority = priority.map(String::trim).filter(s -> !s.isEmpty());
        if (trigger == Trigger.PERCENT_OF_SLA && (amount < 1 || amount > 1000)) {
            throw new IllegalArgumentException("A share of the SLA is 1 to 1000 %, not " + amount + ".");
        }
        if (trigger == Trigger.MINUTES_PAST_DUE && (amount < 0 || amount > 525_600)) {
            throw new IllegalArgumentException("Minutes past due are 0 to 525600, not " + amount + ".");
        }
        if (repeatMinutes < 1 || repeatMinutes > 525_600) {
            throw new IllegalArgumentException("Minutes between levels are 1 to 525600, not " + repeatMinutes + ".");
        }
        if (maxLevel < 1 || maxLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("The highest level is 1 to " + MAX_LEVEL + ", not " + maxLevel + ".");
        }
    }

    /**
     * @param type the case's type
     * @param prio the case's priority
     * @return whether the rule applies to such a case
     */
    public boolean matches(String type, String prio) {
        return caseType.map(t -> t.equalsIgnoreCase(type)).orElse(true)
                && priority.map(p -> p.equalsIgnoreCase(prio)).orElse(true);
    }

    /**
     * @param calendar the case's calendar
     * @param clock the case's SLA clock (running)
     * @param level the level, 1 for the first
     * @return when the rule escalates that case to that level
     */
    public Instant firesAt(BusinessCalendar calendar, SlaClock clock, int level) {
        Instant first = trigger == Trigger.PERCENT_OF_SLA
                ? clock.atShare(calendar, amount)
                : calendar.plus(clock.dueAt(), Duration.ofMinutes(amount));
        return level <= 1 ? first : calendar.plus(first, Duration.ofMinutes((long) repeatMinutes * (level - 1)));
    }

    /**
     * @param rules every rule, in any order
     * @param type the case's type
     * @param prio the case's priority
     * @return the rule that applies to such a case: the first by position (then id) that matches
     */
    public static Optional<EscalationRule> applying(List<EscalationRule> rules, String type, String prio) {
        return rules.stream().filter(r -> r.matches(type, prio))
                .min(Comparator.comparingInt(EscalationRule::position).thenComparingLong(EscalationRule::id));
    }

    /** @return e.g. {@code Complaint / Urgent: at 75 % of the SLA, then every 60 min up to level 2} */
    public String describe() {
        return caseType.orElse("Any type") + " / " + priority.orElse("any priority") + ": "
                + (trigger == Trigger.PERCENT_OF_SLA ? "at " + amount + " % of the SLA" : amount + " min past due")
                + (maxLevel > 1 ? ", then every " + repeatMinutes + " min up to level " + maxLevel : ", level 1 only");
    }
}
