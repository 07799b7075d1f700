package org.tesseracrm.automation.internal.approval;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.ApprovalDecision;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;

/**
 * {@link Approvals}: processes in {@code AUTO_APPROVAL_PROCESS}, requests and decisions beside them; the lock and the
 * gate are {@link ApprovalGuard}'s, in the record platform's changes. Approvers and submitters are notified with a
 * link to the record; submits and decisions go to the record's history as "approval".
 */
@Component(service = Approvals.class)
public class ApprovalsImpl implements Approvals {
    /** How many steps a process may have. */
    static final int MAX_STEPS = 10;
    /** The history entry's name. */
    static final String HISTORY = "approval";

    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final Records records;
    private final RecordTypes types;
    private final CustomFields fields;
    private final SecurityAdmin security;
    private final Notifications notifications;
    private final AuditTrail audit;

    /**
     * @param access checks permissions
     * @param callers reads the role tree and fields as the platform
     * @param scope transactions
     * @param records reads records with the caller's visibility
     * @param types record types, their modules and titles
     * @param fields a type's fields and pick-lists
     * @param security the role tree and users
     * @param notifications tells approvers and submitters
     * @param audit the record's history
     * @param schema the module's tables
     */
    @Activate
    public ApprovalsImpl(@Reference AccessControl access, @Reference CallerContext callers,
            @Reference TransactionScope scope, @Reference Records records, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference SecurityAdmin security, @Reference Notifications notifications,
            @Reference AuditTrail audit,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.records = records;
        this.types = types;
        this.fields = fields;
        this.security = security;
        this.notifications = notifications;
        this.audit = audit;
    }

    @Override
    public List<ApprovalProcess> processes() {
        access.require(Automation.VIEW);
        return scope.required(ApprovalStore::processes);
    }

    @Override
    public ApprovalProcess process(long id) {
        access.require(Automation.VIEW);
        return scope.required(c -> ApprovalStore.process(c, id))
                .orElseThrow(() -> new NotFoundException("approval process", id));
    }

    @Override
    public ApprovalProcess saveProcess(ApprovalProcess process) {
        access.require(Automation.CONFIGURE);
        if (process == null) {
            throw invalid("name", "Give the process");
        }
        ApprovalProcess checked = check(process);
        return scope.required(c -> {
            for (ApprovalProcess other : ApprovalStore.processes(c)) {
                if (other.id() != checked.id() && other.name().equalsIgnoreCase(checked.name())) {
                    throw invalid("name", "There is already a process named \"" + other.name() + "\"");
                }
            }
            if (checked.id() != 0 && ApprovalStore.process(c, checked.id()).isEmpty()) {
                throw new NotFoundException("approval process", checked.id());
            }
            scope.afterCommit(ApprovalStore::forget);
            return ApprovalStore.save(c, checked);
        });
    }

    @Override
    public boolean deleteProcess(long id) {
        access.require(Automation.CONFIGURE);
        return scope.required(c -> {
            scope.afterCommit(ApprovalStore::forget);
            return ApprovalStore.delete(c, id);
        });
    }

    @Override
    public Optional<ApprovalProcess> processFor(String recordType, long recordId) {
        RecordType type = type(recordType, "view");
        RecordRow row = visible(type, recordId);
        return scope.required(c -> matching(c, type, row));
    }

    @Override
    public List<ApprovalRequest> requests(String recordType, long recordId) {
        RecordType type = type(recordType, "view");
        visible(type, recordId);
        return scope.required(c -> ApprovalStore.requests(c, recordType, recordId));
    }

    @Override
    public ApprovalRequest submit(String recordType, long recordId, String comment) {
        RecordType type = type(recordType, "view");
        String submitter = access.require(type.moduleId() + ".edit").username();
        String said = comment(comment);
        RecordRow row = visible(type, recordId);
        String title = title(type, row);
        Managers managers = managers();
        ApprovalRequest request = scope.required(c -> {
            if (ApprovalStore.pending(c, recordType, recordId).isPresent()) {
                throw invalid("record", title + " is already waiting for approval");
            }
            ApprovalProcess process = matching(c, type, row).orElseThrow(() -> invalid("record", title
                    + " meets the criteria of no active approval process: it needs no approval"));
            List<String> approvers = ApprovalFlow.approvers(process.steps().get(0), submitter, managers);
            if (approvers.isEmpty()) {
                throw invalid("record", nobody(process.steps().get(0), 1, submitter));
            }
            Instant now = now();
            ApprovalRequest pending = new ApprovalRequest(0, process.id(), process.name(), recordType, recordId,
                    submitter, said, ApprovalRequest.Status.PENDING, 1, process.steps(), approvers, now,
                    Optional.empty(), List.of());
            long id = ApprovalStore.insert(c, pending);
            history(type, row, "Submitted to \"" + process.name() + "\" by " + submitter
                    + (said.isEmpty() ? "" : ": " + said) + "; step 1 of " + process.steps().size() + " waits for "
                    + String.join(", ", approvers));
            return ApprovalStore.requests(c, recordType, recordId).stream().filter(r -> r.id() == id).findFirst()
                    .orElseThrow();
        });
        tell(request.approvers(), type, row, "Approval needed: " + title, submitter + " asks you to approve "
                + title + " (" + request.processName() + ", step 1 of " + request.steps().size() + ")"
                + (said.isEmpty() ? "" : ": " + said), request, 1);
        return request;
    }

    @Override
    public ApprovalRequest approve(String recordType, long recordId, String comment) {
        return decide(recordType, recordId, comment, true);
    }

    @Override
    public ApprovalRequest reject(String recordType, long recordId, String comment) {
        return decide(recordType, recordId, comment, false);
    }

    @Override
    public List<ApprovalRequest> waiting(String recordType) {
        RecordType type = type(recordType, "view");
        String me = access.require(type.moduleId() + ".view").username();
        List<ApprovalRequest> mine = scope.required(c -> ApprovalStore.pending(c, recordType)).stream()
                .filter(r -> r.approvers().contains(me)).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        records.get(recordType, mine.stream().map(ApprovalRequest::recordId).distinct().limit(500).toList())
                .forEach(r -> seen.add(r.id()));
        return mine.stream().filter(r -> seen.contains(r.recordId())).limit(500).toList();
    }

    private ApprovalRequest decide(String recordType, long recordId, String comment, boolean approved) {
        RecordType type = type(recordType, "view");
        String me = access.require(type.moduleId() + ".view").username();
        String said = comment(comment);
        RecordRow row = visible(type, recordId);
        String title = title(type, row);
        Managers managers = managers();
        ApprovalRequest[] before = new ApprovalRequest[1];
        ApprovalRequest after = scope.required(c -> {
            ApprovalRequest request = ApprovalStore.pending(c, recordType, recordId)
                    .orElseThrow(() -> invalid("record", title + " is not waiting for approval"));
            before[0] = request;
            if (!request.approvers().contains(me)) {
                throw new PermissionDeniedException("Step " + request.step() + " of \"" + request.processName()
                        + "\" is for " + (request.approvers().isEmpty() ? "nobody" : String.join(", ",
                                request.approvers())) + " to decide, not for " + me);
            }
            ApprovalFlow.Next next = ApprovalFlow.decide(request.step(), request.steps().size(), approved);
            List<String> nextApprovers = List.of();
            if (next.status() == ApprovalRequest.Status.PENDING) {
                ApprovalStep step = request.steps().get(next.step() - 1);
                nextApprovers = ApprovalFlow.approvers(step, request.submitter(), managers);
                if (nextApprovers.isEmpty()) {
                    throw invalid("record", nobody(step, next.step(), request.submitter()));
                }
            }
            Instant now = now();
            if (!ApprovalStore.decide(c, request, new ApprovalDecision(request.step(), me, approved, said, now), next,
                    nextApprovers)) {
                throw new org.tesseracrm.kernel.api.ConflictException("Someone decided this step meanwhile: "
                        + "open the record again");
            }
            history(type, row, (approved ? "Approved" : "Rejected") + " step " + request.step() + " of "
                    + request.steps().size() + " of \"" + request.processName() + "\" by " + me
                    + (said.isEmpty() ? "" : ": " + said) + switch (next.status()) {
                        case PENDING -> "; step " + next.step() + " waits for " + String.join(", ", nextApprovers);
                        case APPROVED -> "; approved, unlocked";
                        case REJECTED -> "; rejected, unlocked";
                    });
            return ApprovalStore.requests(c, recordType, recordId).stream().filter(r -> r.id() == request.id())
                    .findFirst().orElseThrow();
        });
        String by = me + (said.isEmpty() ? "" : ": " + said);
        switch (after.status()) {
            case PENDING -> tell(after.approvers(), type, row, "Approval needed: " + title, before[0].submitter()
                    + " asks you to approve " + title + " (" + after.processName() + ", step " + after.step() + " of "
                    + after.steps().size() + "; step " + before[0].step() + " approved by " + by + ")", after,
                    after.step());
            case APPROVED -> tell(List.of(after.submitter()), type, row, "Approved: " + title, title
                    + " was approved (" + after.processName() + ") by " + by, after, 0);
            case REJECTED -> tell(List.of(after.submitter()), type, row, "Rejected: " + title, title
                    + " was rejected (" + after.processName() + ", step " + after.step() + ") by " + by, after, 0);
        }
        return after;
    }

    /** @return the first active process of the type whose criteria the record meets */
    private Optional<ApprovalProcess> matching(Connection c, RecordType type, RecordRow row) throws SQLException {
        List<FieldDefinition> all = typeFields(type.id());
        for (ApprovalProcess process : ApprovalStore.processes(c, type.id())) {
            if (process.active() && Conditions.matches(all, process.criteria(), row, now(), ZoneOffset.UTC)) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }

    private ApprovalProcess check(ApprovalProcess p) {
        List<FieldError> errors = new ArrayList<>();
        String name = p.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "Give a name of 1 to 100 characters"));
        }
        Optional<RecordType> type = types.find(p.recordType());
        if (type.isEmpty()) {
            errors.add(new FieldError("recordType", "There is no record type \"" + p.recordType() + "\""));
            throw new ValidationException(errors);
        }
        List<FieldDefinition> all = typeFields(p.recordType());
        try {
            Conditions.check(all, p.criteria());
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(new FieldError("criteria", err.field() + ": " + err.message())));
        }
        if (p.steps().isEmpty() || p.steps().size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "Give 1 to " + MAX_STEPS + " steps"));
        }
        Set<String> active = new HashSet<>();
        callers.callAs(Caller.SYSTEM, security::users).stream().filter(UserInfo::active)
                .forEach(u -> active.add(u.username()));
        for (int i = 0; i < p.steps().size(); i++) {
            ApprovalStep step = p.steps().get(i);
            if (step.approver() == ApprovalStep.Approver.USER && !active.contains(step.user())) {
                errors.add(new FieldError("steps", "Step " + (i + 1) + ": there is no active user \"" + step.user()
                        + "\""));
            }
        }
        List<String> gateValues = p.gateValues().stream().map(String::strip).filter(v -> !v.isEmpty()).distinct()
                .toList();
        if (!p.gateField().isEmpty()) {
            Optional<FieldDefinition> gate = all.stream().filter(f -> f.name().equals(p.gateField())).findFirst();
            if (gate.isEmpty() || gate.get().type() != FieldType.PICKLIST) {
                errors.add(new FieldError("gateField", "\"" + p.gateField() + "\" is not a pick-list of "
                        + type.get().pluralLabel().toLowerCase(Locale.ROOT)));
            } else if (gateValues.isEmpty()) {
                errors.add(new FieldError("gateValues", "Choose the values that need approval first"));
            } else {
                Set<String> values = new HashSet<>();
                callers.callAs(Caller.SYSTEM, () -> fields.pickList(p.recordType(), p.gateField())).stream()
                        .map(PickListValue::value).forEach(values::add);
                gateValues.stream().filter(v -> !values.contains(v)).findFirst().ifPresent(v -> errors.add(
                        new FieldError("gateValues", "\"" + v + "\" is not a value of " + gate.get().label())));
            }
        } else if (!gateValues.isEmpty()) {
            errors.add(new FieldError("gateField", "Choose the field the values belong to"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ApprovalProcess(p.id(), name, p.recordType(), p.criteria(), p.steps(), p.gateField(), gateValues,
                p.active(), p.version());
    }

    private List<FieldDefinition> typeFields(String recordType) {
        return callers.callAs(Caller.SYSTEM, () -> fields.fields(recordType));
    }

    private Managers managers() {
        return callers.callAs(Caller.SYSTEM, () -> new Managers(security.roles(), security.users()));
    }

    private RecordType type(String recordType, String action) {
        return RecordAccess.type(access, types, recordType, action);
    }

    private RecordRow visible(RecordType type, long id) {
        return RecordAccess.visible(records, type, id);
    }

    private void history(RecordType type, RecordRow row, String text) {
        audit.record(RecordChange.added(type.moduleId(), type.id(), row.id(), type.title(row), row.text("owner"),
                HISTORY, text));
    }

    private void tell(List<String> users, RecordType type, RecordRow row, String title, String text,
            ApprovalRequest request, int step) {
        for (String user : users) {
            callers.callAs(Caller.SYSTEM, () -> notifications.notify(user, NotificationInput.of(cut(title, 200),
                    cut(text, 2000)).withRecord(type.id(), row.id()).withSource("automation.approval:" + request.id()
                            + ":" + step + ":" + request.status().name().toLowerCase(Locale.ROOT))));
        }
    }

    private static String title(RecordType type, RecordRow row) {
        String title = type.title(row);
        return type.label() + (title.isBlank() ? " #" + row.id() : " " + title);
    }

    private static String nobody(ApprovalStep step, int number, String submitter) {
        return "Nobody can approve step " + number + " (" + step.describe() + "): "
                + (step.approver() == ApprovalStep.Approver.MANAGER ? submitter
                        + " has no manager above them in the role tree" : step.user() + " is not an active user");
    }

    private static String comment(String comment) {
        String said = comment == null ? "" : comment.strip();
        if (said.length() > MAX_COMMENT) {
            throw invalid("comment", "Keep the comment to " + MAX_COMMENT + " characters");
        }
        return said;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static ValidationException invalid(String field, String message) {
        return RecordAccess.invalid(field, message);
    }
}
