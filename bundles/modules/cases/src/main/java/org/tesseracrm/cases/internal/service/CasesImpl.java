package org.tesseracrm.cases.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.CaseType;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * The cases service (see {@link Cases}). Cases are read and written through {@link Records} as the caller, so the
 * platform checks visibility and permissions and runs {@link CaseLifecycle}, which keeps the rules; the settings
 * (prefixes, status kinds) are the module's tables, written in one {@link TransactionScope#required} scope after the
 * {@code cases.configure} check, with the pick-lists through {@link CustomFields} (which checks it too).
 */
@Component(service = Cases.class)
public class CasesImpl implements Cases {
    private static final int MAX_DEPENDENTS = 1000;

    private final Records records;
    private final CustomFields fields;
    private final AccessControl access;
    private final TransactionScope scope;
    private final StatusKindListener kindListener;

    /**
     * @param records the cases
     * @param fields the case type and status pick-lists
     * @param access the caller's permissions
     * @param scope the transactions
     * @param type the case record type, registered once the module's tables exist
     * @param kindListener the SLA, which pauses or resumes the cases of a status whose kind changes
     */
    @Activate
    public CasesImpl(@Reference Records records, @Reference CustomFields fields, @Reference AccessControl access,
            @Reference TransactionScope scope,
            @Reference(target = "(" + RecordType.ID + "=" + CaseFields.RECORD_TYPE + ")") RecordType type,
            @Reference StatusKindListener kindListener) {
        this.records = records;
        this.fields = fields;
        this.access = access;
        this.scope = scope;
        this.kindListener = kindListener;
    }

    @Override
    public RecordRow solve(long caseId, String solution) {
        access.require(CasesModule.EDIT);
        RecordRow row = open(caseId);
        if (solution == null || solution.isBlank()) {
            throw new ValidationException(List.of(new FieldError(CaseFields.SOLUTION, CaseRules.SOLUTION_REQUIRED)));
        }
        String status = firstOfKind(StatusKind.SOLVED);
        return records.update(CaseFields.RECORD_TYPE, caseId, row.version(), RecordValues.builder()
                .set(CaseFields.STATUS, status).set(CaseFields.SOLUTION, solution.strip()).build());
    }

    @Override
    public RecordRow close(long caseId) {
        access.require(CasesModule.EDIT);
        RecordRow row = open(caseId);
        String status = firstOfKind(StatusKind.CLOSED);
        return records.update(CaseFields.RECORD_TYPE, caseId, row.version(), RecordValues.builder()
                .set(CaseFields.STATUS, status).build());
    }

    /** @return the first active status of a kind in the pick-list's order */
    private String firstOfKind(StatusKind kind) {
        Map<String, StatusKind> kinds = kinds();
        return fields.pickList(CaseFields.RECORD_TYPE, CaseFields.STATUS).stream().filter(PickListValue::active)
                .map(PickListValue::value).filter(v -> kinds.getOrDefault(v, StatusKind.OPEN) == kind).findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError(CaseFields.STATUS, "No active status "
                        + "is of kind " + kind.code() + ": an administrator sets one under Case settings"))));
    }

    @Override
    public List<RecordRow> dependents(long caseId) {
        access.require(CasesModule.VIEW);
        open(caseId);
        List<Long> ids = scope.required(c -> CaseStore.dependents(c, caseId, MAX_DEPENDENTS));
        return ids.isEmpty() ? List.of() : records.get(CaseFields.RECORD_TYPE, ids);
    }

    @Override
    public Optional<String> openDependency(long caseId) {
        access.require(CasesModule.VIEW);
        RecordRow row = open(caseId);
        if (row.lookup(CaseFields.DEPENDS_ON).isEmpty()) {
            return Optional.empty();
        }
        long on = row.lookup(CaseFields.DEPENDS_ON).getAsLong();
        return scope.required(c -> {
            Optional<CaseStore.Link> link = CaseStore.link(c, on);
            if (link.isEmpty() || CaseStore.kind(c, link.get().status()).done()) {
                return Optional.<String>empty();
            }
            return Optional.of(link.get().number());
        });
    }

    @Override
    public StatusKind kindOf(String status) {
        access.require(CasesModule.VIEW);
        return kinds().getOrDefault(status == null ? "" : status.strip(), StatusKind.OPEN);
    }

    @Override
    public Map<String, StatusKind> statusKinds() {
        access.require(CasesModule.VIEW);
        Map<String, StatusKind> stored = kinds();
        Map<String, StatusKind> all = new LinkedHashMap<>();
        fields.pickList(CaseFields.RECORD_TYPE, CaseFields.STATUS)
                .forEach(v -> all.put(v.value(), stored.getOrDefault(v.value(), StatusKind.OPEN)));
        return all;
    }

    @Override
    public void setStatusKind(String status, StatusKind kind) {
        access.require(CasesModule.CONFIGURE);
        List<PickListValue> values = fields.pickList(CaseFields.RECORD_TYPE, CaseFields.STATUS);
        String name = status == null ? "" : status.strip();
        if (kind == null || values.stream().noneMatch(v -> v.value().equals(name))) {
            throw new ValidationException(List.of(new FieldError(CaseFields.STATUS, kind == null
                    ? "Choose the kind: open, waiting, solved or closed"
                    : "There is no status \"" + name + "\": add it to the status pick-list first")));
        }
        Map<String, StatusKind> kinds = kinds();
        StatusKind before = kinds.getOrDefault(name, StatusKind.OPEN);
        kinds.put(name, kind);
        for (StatusKind needed : List.of(StatusKind.SOLVED, StatusKind.CLOSED)) {
            if (values.stream().filter(PickListValue::active).noneMatch(v -> kinds.getOrDefault(v.value(),
                    StatusKind.OPEN) == needed)) {
                throw new ValidationException(List.of(new FieldError(CaseFields.STATUS, "Keep at least one active "
                        + "status of kind " + needed.code() + ": cases are " + needed.code() + " by it")));
            }
        }
        scope.required(c -> {
            CaseStore.setKind(c, name, kind);
            if (before != kind) {
                kindListener.statusKindChanged(c, name);
            }
            return null;
        });
    }

    @Override
    public List<CaseType> types() {
        access.require(CasesModule.VIEW);
        Map<String, String> prefixes = scope.required(CaseStore::prefixes);
        List<CaseType> types = new ArrayList<>();
        for (PickListValue value : fields.pickList(CaseFields.RECORD_TYPE, CaseFields.CASE_TYPE)) {
            types.add(new CaseType(value.value(), prefixes.getOrDefault(value.value(),
                    CaseRules.defaultPrefix(value.value())), value.active()));
        }
        return types;
    }

    @Override
    public CaseType saveType(String name, String prefix) {
        access.require(CasesModule.CONFIGURE);
        String type = name == null ? "" : name.strip();
        String code = prefix == null ? "" : prefix.strip().toUpperCase(java.util.Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (type.isEmpty() || type.length() > 100) {
            errors.add(new FieldError("name", "Name the case type (at most 100 characters)"));
        }
        CaseRules.prefixError(code).ifPresent(m -> errors.add(new FieldError("prefix", m)));
        if (errors.isEmpty()) {
            types().stream().filter(t -> t.prefix().equals(code) && !t.name().equals(type)).findFirst()
                    .ifPresent(t -> errors.add(new FieldError("prefix", "The type " + t.name() + " has the prefix "
                            + code + ": choose another")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return scope.required(c -> {
            List<PickListValue> values = new ArrayList<>(fields.pickList(CaseFields.RECORD_TYPE, CaseFields.CASE_TYPE));
            if (values.stream().noneMatch(v -> v.value().equals(type))) {
                values.add(PickListValue.of(type));
                fields.savePickList(CaseFields.RECORD_TYPE, CaseFields.CASE_TYPE, values);
            }
            CaseStore.setPrefix(c, type, code);
            boolean active = values.stream().filter(v -> v.value().equals(type)).findFirst()
                    .map(PickListValue::active).orElse(true);
            return new CaseType(type, code, active);
        });
    }

    private Map<String, StatusKind> kinds() {
        return scope.required(CaseStore::kinds);
    }

    private RecordRow open(long caseId) {
        return records.get(CaseFields.RECORD_TYPE, caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
    }
}
