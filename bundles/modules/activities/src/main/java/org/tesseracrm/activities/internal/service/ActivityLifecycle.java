package org.tesseracrm.activities.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RelatedItems;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The activities' part in the life of every record, inside the change's transaction:
 * <ul>
 * <li>a merge moves the merged record's activities, check-ins and participations to the survivor, and so
 * does moving a record's related items to another record of any type ({@link RelatedItems}, e.g. a lead's
 * conversion into a contact);</li>
 * <li>deleting a record deletes the activities that belong to it (through the record platform, so
 * they are audited and announced) and its check-ins, and takes it off the activities it took part in;</li>
 * <li>deleting an activity deletes its participants and check-ins.</li>
 * </ul>
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class ActivityLifecycle implements RecordLifecycle, RelatedItems {
    private final CallerContext callers;
    private final RecordTypes types;

    /**
     * @param types the installed record types, whose neutral titles activities store
     * @param callers runs the cascade with the platform's rights: whoever may delete a record deletes
     *     what belongs to it
     * @param schema the module's tables
     */
    @Activate
    public ActivityLifecycle(@Reference RecordTypes types, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.activities)") MigratedSchema schema) {
        this.types = types;
        this.callers = callers;
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        String type = change.recordType();
        repoint(change.connection(), type, merged.id(), type, change.id());
    }

    @Override
    public void move(Move move) throws SQLException {
        repoint(move.connection(), move.from().recordType(), move.from().id(), move.to().recordType(), move.to().id());
    }

    /** Points the activities, check-ins and participations of one record at another, of the same type or not. */
    private void repoint(Connection c, String fromType, long from, String toType, long to) throws SQLException {
        String title = types.neutralTitle(toType, to);
        update(c, "UPDATE CRM_ACTIVITY SET RELATED_TYPE = ?, RELATED_ID = ?, RELATED_TITLE = ? "
                + "WHERE RELATED_TYPE = ? AND RELATED_ID = ?", List.of(toType, to, title, fromType, from));
        update(c, "UPDATE CRM_CHECKIN SET RECORD_TYPE = ?, RECORD_ID = ? WHERE RECORD_TYPE = ? AND RECORD_ID = ?",
                List.of(toType, to, fromType, from));
        update(c, "DELETE FROM CRM_ACTIVITY_PARTICIPANT WHERE RECORD_TYPE = ? AND RECORD_ID = ? AND ACTIVITY_ID IN "
                + "(SELECT ACTIVITY_ID FROM CRM_ACTIVITY_PARTICIPANT WHERE RECORD_TYPE = ? AND RECORD_ID = ?)",
                List.of(fromType, from, toType, to));
        update(c, "UPDATE CRM_ACTIVITY_PARTICIPANT SET RECORD_TYPE = ?, RECORD_ID = ?, TITLE = ? "
                + "WHERE RECORD_TYPE = ? AND RECORD_ID = ?", List.of(toType, to, title, fromType, from));
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        Connection c = change.connection();
        String type = change.recordType();
        long id = change.id();
        if (type.equals(ActivityRecordType.ID)) {
            update(c, "DELETE FROM CRM_ACTIVITY_PARTICIPANT WHERE ACTIVITY_ID = ?", List.of(id));
            update(c, "DELETE FROM CRM_CHECKIN WHERE ACTIVITY_ID = ?", List.of(id));
            return;
        }
        update(c, "DELETE FROM CRM_CHECKIN WHERE RECORD_TYPE = ? AND RECORD_ID = ?", List.of(type, id));
        update(c, "DELETE FROM CRM_ACTIVITY_PARTICIPANT WHERE RECORD_TYPE = ? AND RECORD_ID = ?", List.of(type, id));
        List<Long> belonging = ids(c, type, id);
        for (int from = 0; from < belonging.size(); from += Records.BULK_LIMIT) {
            List<Long> block = belonging.subList(from, Math.min(belonging.size(), from + Records.BULK_LIMIT));
            callers.callAs(Caller.SYSTEM, () -> change.records().delete(ActivityRecordType.ID, RecordSelection.of(block)));
        }
    }

    private static List<Long> ids(Connection c, String type, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM CRM_ACTIVITY WHERE RELATED_TYPE = ? AND RELATED_ID = ?")) {
            ModuleSql.bind(s, List.of(type, id));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void update(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            ModuleSql.bind(s, params);
            s.executeUpdate();
        }
    }
}
