package org.tesseracrm.cases.internal.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tells people that a case was escalated to them. Registered as services (whiteboard); the sweep calls each one in
 * the transaction that records the escalation, once per level. The in-app notification is one
 * ({@link InAppEscalation}); e-mail is the next: TODO issue 23 (e-mail integration) registers a channel that mails
 * the same {@link Escalation} to the users' addresses once the e-mail service exists. A channel must be safe to call
 * again for the same case and level (a timer run again after a node died before its commit).
 */
public interface EscalationChannel {
    /**
     * @param escalation who gets which case at which level
     * @throws RuntimeException to roll the escalation back: it is tried again on the next sweep
     */
    void escalated(Escalation escalation);

    /**
     * One escalation of one case to one level.
     *
     * @param caseId the case
     * @param caseLabel its number and subject
     * @param level the level reached, 1 for the responsible's manager
     * @param role the role the level reached
     * @param users the users of that role it goes to, by user name
     * @param responsible the case's responsible (or owner when it has none)
     * @param dueAt when the case was due
     * @param sourceKey {@code cases.escalation:<caseId>:<level>}, the same on every try
     */
    record Escalation(long caseId, String caseLabel, int level, String role, List<String> users, String responsible,
            Instant dueAt, String sourceKey) {
        /** Checks the parts are present and copies the users. */
        public Escalation {
            Objects.requireNonNull(caseLabel, "caseLabel");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(responsible, "responsible");
            Objects.requireNonNull(dueAt, "dueAt");
            users = List.copyOf(users);
        }

        /**
         * @param caseId the case id
         * @param level the level
         * @return the source key of that escalation
         */
        public static String key(long caseId, int level) {
            return "cases.escalation:" + caseId + ":" + level;
        }
    }
}
