package org.tesseracrm.automation.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.automation.api.RuleVersion;
import org.tesseracrm.automation.internal.engine.CriteriaMatcher;
import org.tesseracrm.automation.internal.engine.RecordTriggers;
import org.tesseracrm.automation.internal.store.RuleStore;
import org.tesseracrm.automation.internal.store.StoredRule;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * The {@link Automation} service: rules saved as new versions with an optimistic check, switched, deleted, their run
 * log, and the catalogue of triggers and actions. Every method checks {@link Automation#VIEW} or
 * {@link Automation#CONFIGURE} first; a rule is checked against the installed record type, trigger and actions
 * before it is saved, so a rule that saves can run.
 */
@Component(service = Automation.class)
public class AutomationImpl implements Automation {
    private static final int MAX_RUNS = 1000;

    private final AccessControl access;
    private final TransactionScope scope;
    private final RecordTypes types;
    private final Catalogue catalogue;
    private final RuleEngine engine;

    /**
     * @param access the caller's permissions
     * @param scope the CRM transaction scope
     * @param types the installed record types
     * @param catalogue the installed triggers and actions
     * @param engine runs the rules (its rules in memory are dropped on every change)
     */
    @Activate
    public AutomationImpl(@Reference AccessControl access, @Reference TransactionScope scope,
            @Reference RecordTypes types, @Reference Catalogue catalogue, @Reference RuleEngine engine) {
        this.access = access;
        this.scope = scope;
        this.types = types;
        this.catalogue = catalogue;
        this.engine = engine;
    }

    @Override
    public List<RuleStatus> rules() {
        access.require(VIEW);
        return scope.required(RuleStore::rules).stream().map(this::status).toList();
    }

    @Override
    public RuleStatus rule(long ruleId) {
        access.require(VIEW);
        return status(find(ruleId));
    }

    private StoredRule find(long ruleId) {
        return scope.required(c -> RuleStore.rule(c, ruleId)).orElseThrow(() -> new NotFoundException("Rule",
                ruleId));
    }

    private RuleStatus status(StoredRule stored) {
        Rule rule = stored.rule();
        List<String> missing = rule.active() ? catalogue.missing(rule) : List.of();
        RuleStatus.State state = !rule.active() ? RuleStatus.State.INACTIVE
                : missing.isEmpty() ? RuleStatus.State.ACTIVE : RuleStatus.State.SUSPENDED;
        return new RuleStatus(rule, state, missing, stored.savedBy(), stored.savedAt());
    }

    @Override
    public List<RuleVersion> versions(long ruleId) {
        access.require(VIEW);
        StoredRule current = find(ruleId);
        return scope.required(c -> RuleStore.versions(c, ruleId, current.rule().active()));
    }

    @Override
    public RuleStatus save(Rule rule) {
        String by = access.require(CONFIGURE).username();
        Rule checked = checked(rule);
        Instant now = Instant.now();
        StoredRule saved = scope.required(c -> {
            Rule next;
            if (checked.id() == 0) {
                if (checked.version() != 1) {
                    throw new ValidationException(List.of(new FieldError("version", "A new rule starts at version 1")));
                }
                next = with(checked, scope.reserveIds(RuleStore.RULE_IDS, 1), 1);
                RuleStore.insertRule(c, next, by, now);
            } else {
                StoredRule current = RuleStore.rule(c, checked.id()).orElseThrow(() -> new NotFoundException("Rule",
                        checked.id()));
                if (current.rule().version() != checked.version()) {
                    throw conflict(current);
                }
                next = with(checked, checked.id(), checked.version() + 1);
                if (!RuleStore.updateRule(c, next, by, now)) {
                    throw conflict(RuleStore.rule(c, checked.id()).orElse(current));
                }
            }
            changed();
            return RuleStore.rule(c, next.id()).orElseThrow();
        });
        return status(saved);
    }

    private static ConflictException conflict(StoredRule current) {
        return new ConflictException("Someone saved this rule since you opened it (now version "
                + current.rule().version() + " by " + current.savedBy() + "). Reload it and make your change again.");
    }

    private static Rule with(Rule rule, long id, int version) {
        return new Rule(id, version, rule.name().strip(), rule.recordType(), rule.trigger(), rule.triggerConfig(),
                rule.criteria(), rule.actions(), rule.repeat(), rule.active());
    }

    private void changed() {
        engine.rulesChanged();
        scope.afterCommit(engine::rulesChanged);
    }

    @Override
    public RuleStatus setActive(long ruleId, boolean active) {
        access.require(CONFIGURE);
        StoredRule stored = scope.required(c -> {
            if (!RuleStore.setActive(c, ruleId, active, Instant.now())) {
                throw new NotFoundException("Rule", ruleId);
            }
            changed();
            return RuleStore.rule(c, ruleId).orElseThrow();
        });
        return status(stored);
    }

    @Override
    public boolean delete(long ruleId) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            engine.cancelRuns(c, ruleId);
            boolean deleted = RuleStore.deleteRule(c, ruleId);
            changed();
            return deleted;
        });
    }

    @Override
    public List<RuleRun> runs(long ruleId, int limit) {
        access.require(VIEW);
        if (limit < 1 || limit > MAX_RUNS) {
            throw new ValidationException(List.of(new FieldError("limit", "Ask for 1 to " + MAX_RUNS + " runs")));
        }
        find(ruleId);
        return scope.required(c -> RuleStore.runLog(c, ruleId, limit));
    }

    @Override
    public List<Contribution> triggers() {
        access.require(VIEW);
        return catalogue.triggers();
    }

    @Override
    public List<Contribution> actions() {
        access.require(VIEW);
        return catalogue.actions();
    }

    // ---- checks

    /** @return the rule with blank configuration values left out, after every check */
    private Rule checked(Rule rule) {
        List<FieldError> errors = new ArrayList<>();
        String name = rule.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "Give the rule a name"));
        } else if (name.length() > RuleStore.MAX_NAME) {
            errors.add(new FieldError("name", "Keep the name to " + RuleStore.MAX_NAME + " characters"));
        }
        Optional<RecordType> type = types.find(rule.recordType());
        if (type.isEmpty()) {
            errors.add(new FieldError("recordType", "There is no record type \"" + rule.recordType() + "\" installed"));
            throw new ValidationException(errors);
        }
        Map<String, FieldDefinition> fields = engine.fields(rule.recordType()).stream()
                .collect(Collectors.toMap(FieldDefinition::name, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        Map<String, String> triggerConfig = Map.of();
        Optional<Trigger> trigger = catalogue.trigger(rule.trigger());
        if (trigger.isEmpty()) {
            errors.add(new FieldError("trigger", "There is no trigger \"" + rule.trigger() + "\" installed"));
        } else if (!applies(trigger.get().recordTypes(), rule.recordType())) {
            errors.add(new FieldError("trigger", "The trigger \"" + trigger.get().label() + "\" does not apply to "
                    + type.get().pluralLabel()));
        } else {
            triggerConfig = config("trigger", trigger.get().parameters(), rule.triggerConfig(), fields, errors);
            if (rule.trigger().equals(RecordTriggers.DATE_REACHED)) {
                FieldDefinition field = fields.get(triggerConfig.getOrDefault("field", ""));
                if (field != null && field.type() != FieldType.DATE && field.type() != FieldType.DATE_TIME) {
                    errors.add(new FieldError("trigger.field", "Choose a date or date-time field"));
                }
            }
        }
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < rule.actions().size(); i++) {
            RuleAction step = rule.actions().get(i);
            String where = "actions[" + (i + 1) + "]";
            Optional<Action> action = catalogue.action(step.action());
            if (action.isEmpty()) {
                errors.add(new FieldError(where, "There is no action \"" + step.action() + "\" installed"));
            } else if (!applies(action.get().recordTypes(), rule.recordType())) {
                errors.add(new FieldError(where, "The action \"" + action.get().label() + "\" does not apply to "
                        + type.get().pluralLabel()));
            } else {
                actions.add(new RuleAction(step.action(), config(where, action.get().parameters(), step.config(),
                        fields, errors), step.delay()));
            }
        }
        try {
            new CriteriaMatcher(fields.values(), Instant.now(), engine.zone()).check(rule.criteria());
        } catch (ValidationException e) {
            e.errors().forEach(error -> errors.add(new FieldError("criteria." + error.field(), error.message())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Rule(rule.id(), rule.version(), name, rule.recordType(), rule.trigger(), triggerConfig,
                rule.criteria(), actions, rule.repeat(), rule.active());
    }

    private static boolean applies(Set<String> recordTypes, String recordType) {
        return recordTypes.contains(RecordType.ALL) || recordTypes.contains(recordType);
    }

    /** @return the values given, blanks left out, after checking required values, choices and field names */
    private static Map<String, String> config(String where, List<Parameter> parameters, Map<String, String> values,
            Map<String, FieldDefinition> fields, List<FieldError> errors) {
        Map<String, String> kept = new HashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        });
        for (Parameter parameter : parameters) {
            String key = where + "." + parameter.name();
            String value = kept.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    errors.add(new FieldError(key, parameter.label() + " is required"));
                }
                continue;
            }
            switch (parameter.type()) {
                case CHOICE -> {
                    if (!parameter.choices().contains(value)) {
                        errors.add(new FieldError(key, "Choose one of " + String.join(", ", parameter.choices())));
                    }
                }
                case MULTI_CHOICE -> {
                    for (String one : value.split(";")) {
                        if (!parameter.choices().contains(one.strip())) {
                            errors.add(new FieldError(key, "Choose among " + String.join(", ", parameter.choices())));
                            break;
                        }
                    }
                }
                case FIELD -> {
                    if (!fields.containsKey(value)) {
                        errors.add(new FieldError(key, "There is no field \"" + value + "\""));
                    }
                }
                case TIME_SPAN -> {
                    try {
                        TimeSpan.parse(value);
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(key, e.getMessage()));
                    }
                }
                case NUMBER -> {
                    try {
                        new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        errors.add(new FieldError(key, "Enter a number like 20.5"));
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        errors.add(new FieldError(key, "Enter true or false"));
                    }
                }
                default -> {
                }
            }
        }
        return kept;
    }
}
