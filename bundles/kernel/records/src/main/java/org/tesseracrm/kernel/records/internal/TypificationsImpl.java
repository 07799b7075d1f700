package org.tesseracrm.kernel.records.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Typification;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;

/** Outcomes recorded for records of any type, in {@code CRM_TYPIFICATION}. */
@Component(service = Typifications.class)
public class TypificationsImpl implements Typifications {
    /** The outcome options as a pick-list that belongs to no column. */
    static final FieldDefinition OPTIONS_FIELD = new FieldDefinition(OPTIONS, "Outcome", FieldType.PICKLIST, false, 100,
            false, "", false, Optional.empty());

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;

    /**
     * @param types installed record types
     * @param catalog the options and the database
     * @param access the caller's permissions and visibility
     * @param audit where outcomes are recorded, on their record
     */
    @Activate
    public TypificationsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public List<String> options(String recordType) {
        types.allowed(recordType, access, "view");
        return catalog.pickList(recordType, OPTIONS).stream().filter(PickListValue::active).map(PickListValue::value)
                .toList();
    }

    @Override
    public Typification classify(String recordType, long recordId, String outcome, String comment) {
        RecordType type = types.require(recordType);
        String user = access.require(type.moduleId() + ".edit").username();
        List<String> options = options(recordType);
        String remark = comment == null ? "" : comment.strip();
        if (outcome == null || !options.contains(outcome)) {
            throw new ValidationException(List.of(new FieldError("outcome", options.isEmpty()
                    ? "No outcomes are set up for " + type.pluralLabel().toLowerCase(java.util.Locale.ROOT)
                            + ": ask an admin to add them under Fields and pick-lists."
                    : "Choose one of: " + String.join(", ", options) + ".")));
        }
        if (remark.length() > COMMENT_MAX) {
            throw new ValidationException(List.of(new FieldError("comment", "At most " + COMMENT_MAX
                    + " characters (this has " + remark.length() + ").")));
        }
        RecordRow record = Parents.visible(catalog, type, recordId, access.visibility());
        LocalDateTime now = Sql.now();
        Sql insert = new Sql("INSERT INTO CRM_TYPIFICATION (RECORD_TYPE, RECORD_ID, OUTCOME, REMARK, USERNAME, CREATED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?)", List.of(recordType, recordId, outcome, remark, user, now));
        long id = catalog.jdbc().inTransaction(insert::insert);
        audit.record(Parents.change(type, record, "outcome", "", outcome + (remark.isEmpty() ? "" : " (" + remark + ")")));
        return new Typification(id, recordType, recordId, outcome, remark, user, now.toInstant(ZoneOffset.UTC));
    }

    @Override
    public List<Typification> history(String recordType, long recordId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.visible(catalog, type, recordId, access.visibility());
        return catalog.jdbc().inTransaction(c -> {
            List<Typification> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ID, OUTCOME, REMARK, USERNAME, CREATED_AT"
                    + " FROM CRM_TYPIFICATION WHERE RECORD_TYPE = ? AND RECORD_ID = ? ORDER BY CREATED_AT DESC, ID DESC")) {
                s.setString(1, recordType);
                s.setLong(2, recordId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        all.add(new Typification(rs.getLong(1), recordType, recordId, rs.getString(2), rs.getString(3),
                                rs.getString(4), Sql.instant(rs, 5)));
                    }
                }
            }
            return all;
        });
    }
}
