package org.tesseracrm.followups.internal.service;

import java.time.LocalDateTime;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One follow-up as stored in {@code CRM_FOLLOWUP} (schema: {@code db/changelog/followups.yaml}), the
 * module's fixed-schema child table of the operations it follows. Only this module's persistence
 * unit ({@code tessera-followups}) reads and writes it; other code sees {@link FollowUp}.
 */
@Entity
@Table(name = "CRM_FOLLOWUP")
public class FollowUpEntry {
    /** One id at a time: the unit's transactions join the caller's scope, which may roll back. */
    @Id
    @TableGenerator(name = "followUpIds", table = "FOLLOWUPS_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "FOLLOWUP", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "followUpIds")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version = 1;

    @Column(name = "RECORD_TYPE", length = 50, nullable = false)
    private String recordType;

    @Column(name = "RECORD_ID", nullable = false)
    private long recordId;

    @Column(name = "RECORD_TITLE", length = 300, nullable = false)
    private String recordTitle;

    @Column(name = "ACTION", length = 1000, nullable = false)
    private String action;

    @Column(name = "DUE_AT", nullable = false)
    private LocalDateTime dueAt;

    @Column(name = "REMIND_AT")
    private LocalDateTime remindAt;

    @Column(name = "IS_OPEN", nullable = false)
    private boolean open = true;

    @Column(name = "RESULT_AT")
    private LocalDateTime resultAt;

    @Column(name = "RESULT", length = 2000, nullable = false)
    private String result = "";

    @Column(name = "CONCLUDES", nullable = false)
    private boolean concludes;

    @Column(name = "ACTIVITY_ID")
    private Long activityId;

    @Column(name = "OWNER", length = 100, nullable = false)
    private String owner;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected FollowUpEntry() {
    }

    /**
     * A planned follow-up, open.
     *
     * @param recordTitle the neutral name the report keeps ("Contact #12"); screens show the current title
     */
    FollowUpEntry(String recordType, long recordId, String recordTitle, String action, LocalDateTime dueAt,
            LocalDateTime remindAt, String owner, LocalDateTime createdAt) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.recordTitle = recordTitle;
        this.action = action;
        this.dueAt = dueAt;
        this.remindAt = remindAt;
        this.owner = owner;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    long version() {
        return version;
    }

    /** Records what happened: the follow-up is no longer open. */
    void result(LocalDateTime at, String details, boolean concluding) {
        this.resultAt = at;
        this.result = details;
        this.concludes = concluding;
        this.open = false;
    }

    /** @param activityId the task scheduled with it */
    void task(long activityId) {
        this.activityId = activityId;
    }

    /** @return it as the module's services hand it out */
    FollowUp toFollowUp() {
        return new FollowUp(id, version, recordType, recordId, recordTitle, action, dueAt, Optional.ofNullable(remindAt),
                Optional.ofNullable(resultAt), result, concludes, owner, activityId == null ? 0 : activityId);
    }
}
