package org.tesseracrm.automation.internal.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.automation.internal.approval.RecordAccess;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;

/**
 * {@link Blueprints}: blueprints in {@code AUTO_BLUEPRINT}; the refusal of moves they do not allow is
 * {@link BlueprintGuard}'s, in the record platform's change, so a move made here is checked there again like any
 * other change.
 */
@Component(service = Blueprints.class)
public class BlueprintsImpl implements Blueprints {
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final Records records;
    private final RecordTypes types;
    private final CustomFields fields;
    private final SecurityAdmin security;

    /**
     * @param access checks permissions
     * @param callers reads users, roles, groups and fields as the platform
     * @param scope transactions
     * @param records reads and moves records with the caller's rights
     * @param types record types and their modules
     * @param fields a type's fields and pick-lists
     * @param security users, roles and groups
     * @param schema the module's tables
     */
    @Activate
    public BlueprintsImpl(@Reference AccessControl access, @Reference CallerContext callers,
            @Reference TransactionScope scope, @Reference Records records, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference SecurityAdmin security,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.records = records;
        this.types = types;
        this.fields = fields;
        this.security = security;
    }

    @Override
    public List<Blueprint> blueprints() {
        access.require(Automation.VIEW);
        return scope.required(BlueprintStore::all);
    }

    @Override
    public Blueprint blueprint(long id) {
        access.require(Automation.VIEW);
        return scope.required(c -> BlueprintStore.find(c, id)).orElseThrow(() -> new NotFoundException("blueprint",
                id));
    }

    @Override
    public Blueprint save(Blueprint blueprint) {
        access.require(Automation.CONFIGURE);
        if (blueprint == null) {
            throw invalid("name", "Give the blueprint");
        }
        if (types.find(blueprint.recordType()).isEmpty()) {
            throw invalid("recordType", "There is no record type \"" + blueprint.recordType() + "\"");
        }
        Blueprint b = new Blueprint(blueprint.id(), blueprint.name().strip(), blueprint.recordType(),
                blueprint.field().strip(), blueprint.states().stream().map(String::strip).toList(),
                blueprint.transitions().stream().map(t -> new Transition(t.name().strip(), t.from().strip(),
                        t.to().strip(), t.users(), t.roles(), t.groups(), t.requiredFields().stream()
                                .map(String::strip).filter(f -> !f.isEmpty()).toList())).toList(),
                blueprint.active(), blueprint.version());
        Map<String, FieldDefinition> all = callers.callAs(Caller.SYSTEM, () -> fields.fields(b.recordType())).stream()
                .collect(Collectors.toMap(FieldDefinition::name, Function.identity(), (x, y) -> x,
                        LinkedHashMap::new));
        Set<String> pickList = all.containsKey(b.field()) ? callers.callAs(Caller.SYSTEM,
                () -> fields.pickList(b.recordType(), b.field())).stream().map(PickListValue::value)
                .collect(Collectors.toSet()) : Set.of();
        Actors.Directory names = Actors.directory(security, callers);
        List<FieldError> errors = new ArrayList<>(BlueprintRules.check(b, all, pickList, names.users(),
                names.roles(), names.groups()));
        return scope.required(c -> {
            for (Blueprint other : BlueprintStore.all(c)) {
                if (other.id() == b.id()) {
                    continue;
                }
                if (other.name().equalsIgnoreCase(b.name())) {
                    errors.add(new FieldError("name", "There is already a blueprint named \"" + other.name() + "\""));
                }
                if (b.active() && other.active() && other.recordType().equals(b.recordType())
                        && other.field().equals(b.field())) {
                    errors.add(new FieldError("active", "The blueprint \"" + other.name()
                            + "\" is already active on this field: switch it off first"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (b.id() != 0 && BlueprintStore.find(c, b.id()).isEmpty()) {
                throw new NotFoundException("blueprint", b.id());
            }
            scope.afterCommit(BlueprintStore::forget);
            return BlueprintStore.save(c, b);
        });
    }

    @Override
    public boolean delete(long id) {
        access.require(Automation.CONFIGURE);
        return scope.required(c -> {
            scope.afterCommit(BlueprintStore::forget);
            return BlueprintStore.delete(c, id);
        });
    }

    @Override
    public List<Blueprint> active(String recordType) {
        RecordType type = type(recordType, "view");
        return scope.required(c -> BlueprintStore.active(c, type.id()));
    }

    @Override
    public List<Transition> available(String recordType, long recordId) {
        RecordType type = type(recordType, "view");
        String me = access.require(type.moduleId() + ".view").username();
        RecordRow row = visible(type, recordId);
        List<Blueprint> active = scope.required(c -> BlueprintStore.active(c, type.id()));
        if (active.isEmpty()) {
            return List.of();
        }
        BlueprintRules.Actor actor = Actors.of(me, security, callers);
        List<Transition> moves = new ArrayList<>();
        active.forEach(b -> moves.addAll(BlueprintRules.available(b, row.text(b.field()), actor)));
        return moves;
    }

    @Override
    public RecordRow move(String recordType, long recordId, long version, String transition,
            Map<String, String> values) {
        RecordType type = type(recordType, "view");
        String me = access.require(type.moduleId() + ".edit").username();
        RecordRow row = visible(type, recordId);
        List<Blueprint> active = scope.required(c -> BlueprintStore.active(c, type.id()));
        Blueprint blueprint = null;
        Transition move = null;
        for (Blueprint b : active) {
            Optional<Transition> named = b.transitions().stream().filter(t -> t.name().equalsIgnoreCase(
                    transition == null ? "" : transition.strip())).findFirst();
            if (named.isPresent()) {
                blueprint = b;
                move = named.get();
                break;
            }
        }
        if (move == null) {
            throw invalid("transition", "There is no move \"" + transition + "\" in the active blueprints of "
                    + type.pluralLabel().toLowerCase(java.util.Locale.ROOT));
        }
        String current = row.text(blueprint.field());
        if (!move.from().equals(current) && !(Transition.ANY.equals(move.from()) && !move.to().equals(current))) {
            throw invalid("transition", "The move \"" + move.name() + "\" starts from " + move.from() + ", not from "
                    + (current.isEmpty() ? "(none)" : current));
        }
        if (!BlueprintRules.may(move, Actors.of(me, security, callers))) {
            throw new PermissionDeniedException("You may not make the move \"" + move.name() + "\"");
        }
        Map<String, String> change = new LinkedHashMap<>();
        Map<String, String> given = values == null ? Map.of() : values;
        for (String field : move.requiredFields()) {
            if (given.containsKey(field)) {
                change.put(field, given.get(field));
            }
        }
        change.put(blueprint.field(), move.to());
        return records.update(type.id(), recordId, version, change);
    }

    private RecordType type(String recordType, String action) {
        return RecordAccess.type(access, types, recordType, action);
    }

    private RecordRow visible(RecordType type, long id) {
        return RecordAccess.visible(records, type, id);
    }

    private static ValidationException invalid(String field, String message) {
        return RecordAccess.invalid(field, message);
    }
}
