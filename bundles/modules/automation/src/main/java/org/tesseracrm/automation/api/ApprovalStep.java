package org.tesseracrm.automation.api;

import java.util.Objects;

/**
 * One step of an {@link ApprovalProcess}: who approves at that point.
 *
 * @param approver whether the submitter's manager or a named user approves
 * @param user the user name of the named approver ({@link Approver#USER}); "" for {@link Approver#MANAGER}
 */
public record ApprovalStep(Approver approver, String user) {
    /** Who approves a step. */
    public enum Approver {
        /**
         * The submitter's manager in the role tree: the active users of the nearest role above the submitter's that
         * has any (as the cases module escalates); any one of them decides.
         */
        MANAGER,
        /** A named user. */
        USER
    }

    /** Checks the parts are present; a manager step names no user. */
    public ApprovalStep {
        Objects.requireNonNull(approver, "approver");
        user = approver == Approver.MANAGER || user == null ? "" : user.strip();
    }

    /** @return a step approved by the submitter's manager */
    public static ApprovalStep manager() {
        return new ApprovalStep(Approver.MANAGER, "");
    }

    /**
     * @param username the approver's user name
     * @return a step approved by that user
     */
    public static ApprovalStep user(String username) {
        return new ApprovalStep(Approver.USER, username);
    }

    /** @return "the submitter's manager" or the user name, for messages */
    public String describe() {
        return approver == Approver.MANAGER ? "the submitter's manager" : user;
    }
}
