package org.tesseracrm.automation.internal.approval;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/** The checks approvals and blueprints make before touching a record: its module's permission, its visibility. */
public final class RecordAccess {
    private RecordAccess() {
    }

    /**
     * @param access checks the permission
     * @param types the record types
     * @param recordType a record type id
     * @param action the module permission's action, e.g. {@code view}
     * @return the record type, once the caller holds {@code <module>.<action>}
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without it (for an unknown type: without
     *     {@code automation.<action>})
     * @throws NotFoundException for an unknown record type
     */
    public static RecordType type(AccessControl access, RecordTypes types, String recordType, String action) {
        Optional<RecordType> type = recordType == null ? Optional.empty() : types.find(recordType);
        access.require(type.map(RecordType::moduleId).orElse("automation") + "." + action);
        return type.orElseThrow(() -> new NotFoundException("record type", recordType));
    }

    /**
     * @param records reads with the caller's visibility
     * @param type the record type
     * @param id a record id
     * @return the record
     * @throws NotFoundException if the caller does not see it
     */
    public static RecordRow visible(Records records, RecordType type, long id) {
        return records.get(type.id(), id).orElseThrow(() -> new NotFoundException(type.label(), id));
    }

    /**
     * @param field the field
     * @param message the message
     * @return a validation error of one field
     */
    public static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
