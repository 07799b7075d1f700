package org.tesseracrm.followups.internal.service;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * The follow-ups' part in the life of every record, inside the change's transaction: a merge moves
 * the merged operation's follow-ups to the survivor; deleting an operation deletes its follow-ups
 * (their tasks are activities of the operation, which the Activities module deletes); deleting a
 * task leaves its follow-up without one.
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class FollowUpLifecycle implements RecordLifecycle {
    /** The Activities module's record type. */
    private static final String ACTIVITY = "activity";

    private final RecordTypes types;

    /**
     * @param types the installed record types, whose neutral titles follow-ups store
     * @param schema the module's tables
     */
    @Activate
    public FollowUpLifecycle(@Reference RecordTypes types,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.followups)") MigratedSchema schema) {
        this.types = types;
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        String type = change.recordType();
        long to = change.id();
        String title = types.find(type).map(t -> t.neutralTitle(to)).orElse(type + " #" + to);
        update(change, "UPDATE CRM_FOLLOWUP SET RECORD_ID = ?, RECORD_TITLE = ?, VERSION = VERSION + 1 "
                + "WHERE RECORD_TYPE = ? AND RECORD_ID = ?", List.of(to, title, type, merged.id()));
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        if (change.recordType().equals(ACTIVITY)) {
            update(change, "UPDATE CRM_FOLLOWUP SET ACTIVITY_ID = NULL WHERE ACTIVITY_ID = ?", List.of(change.id()));
        } else {
            update(change, "DELETE FROM CRM_FOLLOWUP WHERE RECORD_TYPE = ? AND RECORD_ID = ?",
                    List.of(change.recordType(), change.id()));
        }
    }

    private static void update(Change change, String sql, List<?> params) throws SQLException {
        try (PreparedStatement s = change.connection().prepareStatement(sql)) {
            ModuleSql.bind(s, params);
            s.executeUpdate();
        }
    }
}
