package org.tesseracrm.automation.internal.approval;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The approval lock and gate, in the record platform's change whoever makes it (form, board, import, bulk edit, REST
 * API): a record with a pending request cannot be changed, deleted or merged ("… is waiting for approval by …"); a
 * record that meets an active process's criteria cannot take one of its gate values (a quote's Sent) until its
 * newest request of that process is approved. A deleted record's requests go with it. Types without a process cost
 * no query (the processes are kept in memory).
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class ApprovalGuard implements RecordLifecycle {
    private final RecordTypes types;
    private final CustomFields fields;
    private final CallerContext callers;

    /**
     * @param types record types, for the record's title in messages
     * @param fields a type's fields, for the gate's criteria
     * @param callers reads the fields as the platform
     * @param schema the module's tables
     */
    @Activate
    public ApprovalGuard(@Reference RecordTypes types, @Reference CustomFields fields, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.types = types;
        this.fields = fields;
        this.callers = callers;
    }

    @Override
    public void beforeUpdate(Change change) throws SQLException {
        refuseIfLocked(change.connection(), change.recordType(), change.before().orElse(null), change.id());
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        gate(change, change.after().orElseThrow(), before);
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        gate(change, change.after().orElseThrow(), null);
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        refuseIfLocked(change.connection(), change.recordType(), change.before().orElse(null), change.id());
        if (!ApprovalStore.processes(change.connection(), change.recordType()).isEmpty()) {
            ApprovalStore.deleteOf(change.connection(), change.recordType(), change.id());
        }
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        refuseIfLocked(change.connection(), change.recordType(), change.before().orElse(null), change.id());
        refuseIfLocked(change.connection(), change.recordType(), merged, merged.id());
        if (!ApprovalStore.processes(change.connection(), change.recordType()).isEmpty()) {
            ApprovalStore.deleteOf(change.connection(), change.recordType(), merged.id());
        }
    }

    private void refuseIfLocked(Connection c, String recordType, RecordRow row, long id) throws SQLException {
        if (ApprovalStore.processes(c, recordType).isEmpty()) {
            return;
        }
        Optional<String> locked = ApprovalFlow.lock(ApprovalStore.pending(c, recordType, id), title(recordType, row,
                id));
        if (locked.isPresent()) {
            throw new ValidationException(List.of(new FieldError(ApprovalsImpl.HISTORY, locked.get())));
        }
    }

    private void gate(Change change, RecordRow after, RecordRow before) throws SQLException {
        List<ApprovalProcess> gated = ApprovalStore.processes(change.connection(), change.recordType()).stream()
                .filter(p -> p.active() && !p.gateField().isEmpty() && change.fields().contains(p.gateField()))
                .toList();
        if (gated.isEmpty()) {
            return;
        }
        List<FieldDefinition> all = callers.callAs(Caller.SYSTEM, () -> fields.fields(change.recordType()));
        for (ApprovalProcess process : gated) {
            String from = before == null ? "" : before.text(process.gateField());
            String to = after.text(process.gateField());
            if (from.equals(to) || !process.gateValues().contains(to)) {
                continue;
            }
            boolean meets = Conditions.matches(all, process.criteria(), after, Instant.now(), ZoneOffset.UTC);
            Optional<String> refused = ApprovalFlow.gate(process, meets, from, to, ApprovalStore.latest(
                    change.connection(), process.id(), change.recordType(), change.id()));
            if (refused.isPresent()) {
                throw new ValidationException(List.of(new FieldError(process.gateField(),
                        title(change.recordType(), after, change.id()) + ": " + refused.get())));
            }
        }
    }

    private String title(String recordType, RecordRow row, long id) {
        Optional<RecordType> type = types.find(recordType);
        if (type.isEmpty()) {
            return recordType + " #" + id;
        }
        String title = row == null ? "" : type.get().title(row);
        return type.get().label() + (title.isBlank() ? " #" + id : " " + title);
    }
}
