package org.tesseracrm.leads.internal.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The leads' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit),
 * in its transaction:
 * <ul>
 * <li>a converted lead is read-only: every change is refused (deleting it is allowed);</li>
 * <li>the status values Converted and Discarded, the discard reason and the {@code converted*} fields are set
 * by the module's service only ({@link LeadConversionImpl}); a plain create or edit that sets them is refused;</li>
 * <li>a new lead without status gets New; a discarded lead an edit moves back to another status loses its
 * discard reason.</li>
 * </ul>
 * How the service is told apart: it makes its own writes with the added permission {@link #SERVICE_WRITE}
 * ({@link CallerContext#callWithPermissions}), which no profile can hold (no module declares it) and which the
 * platform drops in any nested {@code callAs}; this participant looks for it among the added permissions only.
 */
@Component(property = RecordType.ID + "=" + LeadRecordType.ID)
public class LeadLifecycle implements RecordLifecycle {
    /** Marks the service's own writes of a lead's status and conversion fields; declared by no module. */
    static final String SERVICE_WRITE = "leads.internal.service-write";

    private final CallerContext callers;

    /**
     * @param callers tells the service's writes from others
     * @param schema the module's tables
     */
    @Activate
    public LeadLifecycle(@Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.leads)") MigratedSchema schema) {
        this.callers = callers;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        if (!byService()) {
            refuse(createErrors(row));
        }
        if (row.text(LeadRecordType.STATUS).isEmpty()) {
            MappingStore.setLeadText(change.connection(), row.id(), "STATUS", LeadRecordType.NEW);
        }
    }

    @Override
    public void beforeUpdate(Change change) throws SQLException {
        refuse(readOnlyErrors(change.before().orElseThrow()));
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        if (!byService()) {
            refuse(updateErrors(before, after));
        }
        if (LeadRecordType.DISCARDED.equals(before.text(LeadRecordType.STATUS))
                && !LeadRecordType.DISCARDED.equals(after.text(LeadRecordType.STATUS))
                && !after.text(LeadRecordType.DISCARD_REASON).isEmpty()) {
            MappingStore.setLeadText(change.connection(), after.id(), "DISCARD_REASON", null);
        }
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        refuse(readOnlyErrors(change.before().orElseThrow()));
        refuse(readOnlyErrors(merged));
    }

    private boolean byService() {
        return callers.addedPermissions().contains(SERVICE_WRITE);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** @return the error for a change of a converted lead, if it is one */
    static List<FieldError> readOnlyErrors(RecordRow lead) {
        return LeadRecordType.CONVERTED.equals(lead.text(LeadRecordType.STATUS))
                ? List.of(new FieldError(LeadRecordType.STATUS, "This lead was converted and is read-only; change the "
                        + "records it became instead"))
                : List.of();
    }

    /** @return what a plain create must not set */
    static List<FieldError> createErrors(RecordRow row) {
        List<FieldError> errors = new ArrayList<>();
        String status = row.text(LeadRecordType.STATUS);
        if (Set.of(LeadRecordType.CONVERTED, LeadRecordType.DISCARDED).contains(status)) {
            errors.add(statusError(status));
        }
        for (String field : LeadRecordType.SERVICE_FIELDS) {
            if (row.value(field).isPresent()) {
                errors.add(serviceFieldError(field));
            }
        }
        return errors;
    }

    /** @return what a plain edit must not change */
    static List<FieldError> updateErrors(RecordRow before, RecordRow after) {
        List<FieldError> errors = new ArrayList<>();
        String status = after.text(LeadRecordType.STATUS);
        if (!status.equals(before.text(LeadRecordType.STATUS))
                && Set.of(LeadRecordType.CONVERTED, LeadRecordType.DISCARDED).contains(status)) {
            errors.add(statusError(status));
        }
        for (String field : LeadRecordType.SERVICE_FIELDS) {
            if (!Objects.equals(before.value(field), after.value(field))) {
                errors.add(serviceFieldError(field));
            }
        }
        return errors;
    }

    private static FieldError statusError(String status) {
        return new FieldError(LeadRecordType.STATUS, LeadRecordType.CONVERTED.equals(status)
                ? "A lead becomes Converted by converting it (Convert), not by setting its status"
                : "A lead becomes Discarded by discarding it with a reason (Discard), not by setting its status");
    }

    private static FieldError serviceFieldError(String field) {
        return new FieldError(field, LeadRecordType.DISCARD_REASON.equals(field)
                ? "The discard reason is set by discarding the lead (Discard)"
                : "This field is set by converting the lead (Convert)");
    }
}
