package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Reading one record as the caller sees it, and the records notes, attachments and outcomes hang on:
 * they are seen by whoever sees the record, and what is added to or taken from them shows in the
 * record's history.
 */
final class Parents {
    private Parents() {
    }

    /** @return the record, read whole, if it exists and the caller sees it */
    static Optional<RecordRow> find(FieldCatalog catalog, RecordType type, long id, Visibility visible) {
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        return catalog.jdbc().inTransaction(c -> sql.rows(c, sql.byId(id, visible))).stream().findFirst();
    }

    /**
     * @return the record, read whole
     * @throws NotFoundException if it does not exist or the caller does not see it
     */
    static RecordRow visible(FieldCatalog catalog, RecordType type, long id, Visibility visible) {
        return find(catalog, type, id, visible).orElseThrow(() -> new NotFoundException(type.label(), id));
    }

    /**
     * A note or attachment as its deletion needs it.
     *
     * @param recordId the record it hangs on
     * @param madeBy who wrote or attached it
     * @param label its text or file name, for the history
     */
    record Hanging(long recordId, String madeBy, String label) {
    }

    /**
     * @param table {@code CRM_NOTE} or {@code CRM_ATTACHMENT}
     * @param madeBy the column holding who made the row ({@code AUTHOR}, {@code UPLOADED_BY})
     * @param label the column naming it ({@code BODY}, {@code FILE_NAME})
     * @param what "Note" or "Attachment", for the not-found message
     * @return the row with that id on a record of that type
     * @throws NotFoundException if there is none
     */
    static Hanging hanging(Connection c, String table, String madeBy, String label, String recordType, long id,
            String what) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT RECORD_ID, " + madeBy + ", " + label + " FROM " + table
                + " WHERE ID = ? AND RECORD_TYPE = ?")) {
            s.setLong(1, id);
            s.setString(2, recordType);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(what, id);
                }
                return new Hanging(rs.getLong(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    /**
     * A deleted note or attachment.
     *
     * @param record the record it hung on, for its history
     * @param label its text or file name
     */
    record Removed(RecordRow record, String label) {
    }

    /**
     * Deletes a note or attachment: its maker may, and whoever holds the module's delete permission.
     *
     * @return what was deleted, and from which record
     */
    static Removed delete(FieldCatalog catalog, AccessControl access, RecordType type, String table, String madeBy,
            String label, long id, String what) {
        String caller = access.require(type.moduleId() + ".view").username();
        Hanging row = catalog.jdbc().inTransaction(c -> hanging(c, table, madeBy, label, type.id(), id, what));
        RecordRow record = visible(catalog, type, row.recordId(), access.visibility());
        if (!caller.equals(row.madeBy())) {
            access.require(type.moduleId() + ".delete");
        }
        catalog.jdbc().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE ID = ?")) {
                s.setLong(1, id);
                return s.executeUpdate();
            }
        });
        return new Removed(record, row.label());
    }

    /**
     * @param field what changed on the record, e.g. {@code note}
     * @param before the old value, "" when something was added
     * @param after the new value, "" when something was taken away
     * @return the history entry of that change on the record
     */
    static RecordChange change(RecordType type, RecordRow record, String field, String before, String after) {
        return new RecordChange(type.moduleId(), type.id(), record.id(), type.title(record),
                String.valueOf(record.values().get("owner")), AuditAction.UPDATE, Map.of(field, before),
                Map.of(field, after));
    }
}
