package org.tesseracrm.followups.internal.service;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RowDecoration.Mark;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The rules of an operation's follow-up chain (seed 004): one follow-up is open at a time; its result
 * (when, and what happened) is recorded before the next is planned from it; recording the last one as
 * concluding ends the chain, after which nothing more is planned. The chain's status is the colour of
 * its newest follow-up: blue concluded, red overdue (open and past due), yellow in progress.
 */
public final class Chain {
    /** An operation's follow-up status. */
    public enum Status {
        /** Open and not yet due, or its last result recorded without concluding. */
        IN_PROGRESS,
        /** The last follow-up was recorded as concluding. */
        CONCLUDED,
        /** The open follow-up is past due. */
        OVERDUE
    }

    private Chain() {
    }

    /**
     * @param newest the chain's newest follow-up, if any
     * @param now the current time (UTC)
     * @return the chain's status; empty for an operation without follow-ups
     */
    public static Optional<Status> status(Optional<FollowUp> newest, LocalDateTime now) {
        return newest.map(f -> {
            if (!f.open()) {
                return f.concludes() ? Status.CONCLUDED : Status.IN_PROGRESS;
            }
            return f.dueAt().isBefore(now) ? Status.OVERDUE : Status.IN_PROGRESS;
        });
    }

    /**
     * Checks a new follow-up may be planned.
     *
     * @param chain the operation's follow-ups, newest first
     * @param action the planned action
     * @param dueAt when it is due
     * @param remindAt its reminder, if any
     * @throws ValidationException if the chain is concluded, its newest follow-up still open, or an input bad
     */
    public static void checkPlan(List<FollowUp> chain, String action, LocalDateTime dueAt, LocalDateTime remindAt) {
        if (!chain.isEmpty() && chain.get(0).open()) {
            throw invalid("action", "Record the result of \"" + chain.get(0).action()
                    + "\" first: the next follow-up is planned from it.");
        }
        if (!chain.isEmpty() && chain.get(0).concludes()) {
            throw invalid("action", "The follow-up of this operation was concluded; nothing more can be planned.");
        }
        if (action == null || action.isBlank()) {
            throw invalid("action", "Say what is to be done.");
        }
        if (action.strip().length() > 1000) {
            throw invalid("action", "At most 1000 characters.");
        }
        if (dueAt == null) {
            throw invalid("dueAt", "Choose when it is due.");
        }
        if (remindAt != null && remindAt.isAfter(dueAt)) {
            throw invalid("remindAt", "Set the reminder before the follow-up is due.");
        }
    }

    /**
     * Checks a result may be recorded.
     *
     * @param chain the operation's follow-ups, newest first
     * @param id the follow-up the result is for
     * @param resultAt when it happened
     * @param details what happened
     * @param now the current time (UTC)
     * @throws ValidationException if it is not the open newest follow-up, or an input is bad
     */
    public static void checkResult(List<FollowUp> chain, long id, LocalDateTime resultAt, String details, LocalDateTime now) {
        if (chain.isEmpty() || chain.get(0).id() != id || !chain.get(0).open()) {
            throw invalid("result", "Only the newest open follow-up takes a result.");
        }
        if (resultAt == null) {
            throw invalid("resultAt", "Enter when it happened.");
        }
        if (resultAt.isAfter(now.plusMinutes(5))) {
            throw invalid("resultAt", "A result cannot be in the future.");
        }
        if (details == null || details.isBlank()) {
            throw invalid("result", "Describe the result: the next follow-up is planned from it.");
        }
        if (details.strip().length() > 2000) {
            throw invalid("result", "At most 2000 characters.");
        }
    }

    /**
     * @param newest the chain's newest follow-up
     * @param now the current time (UTC)
     * @param times writes the dates in the reader's zone and locale
     * @return the operation's badge: its colour, and a tooltip with the last follow-up, the days late and
     *     the reminder date
     */
    public static Optional<Mark> mark(Optional<FollowUp> newest, LocalDateTime now, LocalTimes times) {
        return status(newest, now).map(status -> {
            FollowUp last = newest.orElseThrow();
            StringBuilder hint = new StringBuilder("Last follow-up: ").append(last.action()).append(" (due ")
                    .append(times.formatUtc(last.dueAt())).append(")");
            last.resultAt().ifPresent(at -> hint.append(". Result ").append(times.formatUtc(at)).append(": ").append(last.result()));
            long late = daysLate(last, now);
            if (status == Status.OVERDUE) {
                hint.append(". ").append(late).append(late == 1 ? " day" : " days").append(" late");
            }
            last.remindAt().ifPresent(at -> hint.append(". Reminder: ").append(times.formatUtc(at)));
            return switch (status) {
                case CONCLUDED -> new Mark("Concluded", "", hint.toString());
                case OVERDUE -> new Mark(late == 0 ? "Overdue" : "Overdue " + late + " d", "error", hint.toString());
                case IN_PROGRESS -> new Mark("In progress", "warning", hint.toString());
            };
        });
    }

    /** @return whole days past due, 0 when due today or not yet */
    public static long daysLate(FollowUp followUp, LocalDateTime now) {
        return followUp.open() && followUp.dueAt().isBefore(now) ? Duration.between(followUp.dueAt(), now).toDays() : 0;
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
