package org.tesseracrm.followups.internal.service;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One follow-up of a sales operation: the action planned, when it is due and reminded, and once done
 * its result. Times are UTC.
 *
 * @param id the follow-up id
 * @param version the optimistic-locking version
 * @param recordType the operation's record type (an opportunity, a company, ...)
 * @param recordId the operation
 * @param recordTitle its title as the caller may see it, read when the follow-up was read
 * @param action what is to be done, e.g. "Call to ask what they thought of the quote"
 * @param dueAt when it is due
 * @param remindAt when its reminder is, if it has one
 * @param resultAt when the result happened, once recorded
 * @param result the result's details, once recorded
 * @param concludes whether recording it ended the operation's follow-up
 * @param owner the sales agent who planned it
 * @param activityId the task scheduled with it in the Activities module, or 0 without one
 */
public record FollowUp(long id, long version, String recordType, long recordId, String recordTitle, String action,
        LocalDateTime dueAt, Optional<LocalDateTime> remindAt, Optional<LocalDateTime> resultAt, String result,
        boolean concludes, String owner, long activityId) {
    /**
     * @param title the operation's title as the caller may see it
     * @return this follow-up naming its operation so
     */
    public FollowUp withRecordTitle(String title) {
        return new FollowUp(id, version, recordType, recordId, title, action, dueAt, remindAt, resultAt, result, concludes,
                owner, activityId);
    }

    /** @return whether its result is still to be recorded */
    public boolean open() {
        return resultAt.isEmpty();
    }
}
