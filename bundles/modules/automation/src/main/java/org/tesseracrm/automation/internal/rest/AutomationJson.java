package org.tesseracrm.automation.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.automation.api.RuleVersion;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

/**
 * The JSON forms of the Automation API: what a request gives for a rule ({@link RuleBody}, read into a kernel
 * {@link Rule} with every part that does not read named at once, 422) and what the answers hold (records Jackson
 * writes, times as ISO-8601 text in UTC). Nothing here checks permissions: the resource does, and the service again.
 */
public final class AutomationJson {
    /** The longest a rule's name may be, as the service says too. */
    static final int NAME_MAX = 200;

    private AutomationJson() {
    }

    /**
     * A rule as a request gives it. On a change ({@code PUT}), every part is given again: a new version replaces the
     * whole rule.
     *
     * @param name what administrators call it; required
     * @param recordType the record type id, e.g. {@code contact}; required
     * @param trigger the trigger's id, e.g. {@code record.created}; required
     * @param triggerConfig the trigger's parameter values as text by name; may be left out
     * @param criteria the conditions; left out for every record
     * @param actions the ordered actions; at least one
     * @param repeat {@code ONCE_PER_RECORD} or {@code EVERY_TIME} ({@code EVERY_TIME} when left out)
     * @param active whether it runs (true when left out for a new rule; a change keeps the stored switch when left
     *     out)
     * @param version on a change, the version the caller edited (else the {@code If-Match} header gives it)
     */
    public record RuleBody(String name, String recordType, String trigger, Map<String, String> triggerConfig,
            CriteriaBody criteria, List<ActionBody> actions, String repeat, Boolean active, Integer version) {
    }

    /**
     * @param match {@code ALL} or {@code ANY} ({@code ALL} when left out)
     * @param conditions each a field, an operator and its values, as the list view's filters take them
     */
    public record CriteriaBody(String match, List<ConditionBody> conditions) {
    }

    /**
     * One condition, as a list view's filter: values are text ({@code yyyy-mm-dd} dates, UTC date-times, relative
     * dates such as {@code today-90days}).
     *
     * @param field a field name of the rule's record type
     * @param op {@code CONTAINS}, {@code EQUALS}, {@code NOT_EQUALS}, {@code EMPTY}, {@code NOT_EMPTY},
     *     {@code BETWEEN} (two values, either may be "") or {@code IN} (one or more)
     * @param values the operator's values
     */
    public record ConditionBody(String field, String op, List<String> values) {
    }

    /**
     * One step of a rule.
     *
     * @param action the action's id, e.g. {@code notification.send}
     * @param config its parameter values as text by name
     * @param delay how long after the trigger it runs, e.g. {@code 2 hours}; left out or "" for at once
     */
    public record ActionBody(String action, Map<String, String> config, String delay) {
    }

    /** @param active whether the rule should run */
    public record ActiveBody(Boolean active) {
    }

    /**
     * A rule at its current version, as the API answers.
     *
     * @param id its id
     * @param version its current version (also the answer's ETag)
     * @param name its name
     * @param recordType its record type id
     * @param trigger its trigger's id
     * @param triggerConfig the trigger's values
     * @param criteria its conditions
     * @param actions its steps, in order
     * @param repeat ONCE_PER_RECORD or EVERY_TIME
     * @param active whether an administrator switched it on
     * @param state ACTIVE, INACTIVE or SUSPENDED
     * @param missing the triggers and actions it uses that are not installed now
     * @param savedBy who saved the current version
     * @param savedAt when, ISO-8601 UTC
     */
    public record RuleJson(long id, int version, String name, String recordType, String trigger,
            Map<String, String> triggerConfig, CriteriaBody criteria, List<ActionBody> actions, String repeat,
            boolean active, String state, List<String> missing, String savedBy, String savedAt) {
    }

    /**
     * One saved version of a rule.
     *
     * @param version the version
     * @param rule the rule as it was saved
     * @param savedBy who saved it
     * @param savedAt when, ISO-8601 UTC
     */
    public record VersionJson(int version, RuleBody rule, String savedBy, String savedAt) {
    }

    /**
     * One run of a rule.
     *
     * @param id the run's id
     * @param ruleId the rule
     * @param ruleVersion the version it used
     * @param recordType the record's type
     * @param recordId the record's id
     * @param trigger the trigger that started it
     * @param depth its depth in a chain of rules (1 for a user's change)
     * @param status QUEUED, WAITING, DONE, FAILED or STOPPED
     * @param startedAt ISO-8601 UTC
     * @param finishedAt ISO-8601 UTC, null while it is not over
     * @param message why it stopped, failed or waits; may be ""
     * @param steps each action's result
     */
    public record RunJson(long id, long ruleId, int ruleVersion, String recordType, long recordId, String trigger,
            int depth, String status, String startedAt, String finishedAt, String message, List<StepJson> steps) {
    }

    /**
     * @param position the action's place in the rule, from 1
     * @param action the action's id
     * @param outcome DONE, SKIPPED or FAILED
     * @param message what the action said, or its error
     * @param at ISO-8601 UTC
     */
    public record StepJson(int position, String action, String outcome, String message, String at) {
    }

    /**
     * A trigger or an action rules can use.
     *
     * @param id its id
     * @param label what administrators read
     * @param recordTypes the record types it applies to, {@code *} for all
     * @param parameters what a rule configures for it
     * @param bundle the bundle contributing it
     */
    public record ContributionJson(String id, String label, List<String> recordTypes, List<ParameterJson> parameters,
            String bundle) {
    }

    /**
     * @param name the value's key
     * @param label what administrators read
     * @param type TEXT, LONG_TEXT, NUMBER, BOOLEAN, CHOICE, MULTI_CHOICE, TIME_SPAN, FIELD, USER or GROUPS
     * @param required whether a rule needs a value
     * @param choices the values offered for CHOICE and MULTI_CHOICE
     * @param defaultValue the value a new rule starts with, null for none
     * @param help one sentence about it
     */
    public record ParameterJson(String name, String label, String type, boolean required, List<String> choices,
            String defaultValue, String help) {
    }

    /**
     * @param status a rule at its current version
     * @return its JSON form
     */
    public static RuleJson rule(RuleStatus status) {
        Rule r = status.rule();
        RuleBody body = body(r);
        return new RuleJson(r.id(), r.version(), r.name(), r.recordType(), r.trigger(), body.triggerConfig(),
                body.criteria(), body.actions(), r.repeat().name(), r.active(), status.state().name(), status.missing(),
                status.savedBy(), status.savedAt().toString());
    }

    /**
     * @param version one saved version
     * @return its JSON form
     */
    public static VersionJson version(RuleVersion version) {
        return new VersionJson(version.rule().version(), body(version.rule()), version.savedBy(),
                version.savedAt().toString());
    }

    /**
     * @param run one run
     * @return its JSON form
     */
    public static RunJson run(RuleRun run) {
        return new RunJson(run.id(), run.ruleId(), run.ruleVersion(), run.recordType(), run.recordId(), run.trigger(),
                run.depth(), run.status().name(), run.startedAt().toString(),
                run.finishedAt().map(Object::toString).orElse(null), run.message(), run.steps().stream()
                        .map(s -> new StepJson(s.position(), s.action(), s.outcome(), s.message(), s.at().toString()))
                        .toList());
    }

    /**
     * @param contribution a trigger or an action
     * @return its JSON form, record types sorted
     */
    public static ContributionJson contribution(Contribution contribution) {
        return new ContributionJson(contribution.id(), contribution.label(),
                contribution.recordTypes().stream().sorted().toList(),
                contribution.parameters().stream().map(AutomationJson::parameter).toList(), contribution.bundle());
    }

    static ParameterJson parameter(Parameter p) {
        return new ParameterJson(p.name(), p.label(), p.type().name(), p.required(), p.choices(),
                p.defaultValue().orElse(null), p.help());
    }

    /**
     * @param rule a rule
     * @return the body that saves it again as it is
     */
    static RuleBody body(Rule rule) {
        List<ConditionBody> conditions = rule.criteria().conditions().stream()
                .map(f -> new ConditionBody(f.field(), f.op().name(), f.values())).toList();
        List<ActionBody> actions = rule.actions().stream().map(a -> new ActionBody(a.action(), sorted(a.config()),
                a.delay().map(TimeSpan::toString).orElse(null))).toList();
        return new RuleBody(rule.name(), rule.recordType(), rule.trigger(), sorted(rule.triggerConfig()),
                new CriteriaBody(rule.criteria().match().name(), conditions), actions, rule.repeat().name(),
                rule.active(), rule.version());
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return new java.util.TreeMap<>(values);
    }

    /**
     * Reads a request's rule. Only the shape is checked here (parts present, names of operators, units and the
     * repeat); what the parts mean (record type, trigger, actions, parameters, fields) the service checks.
     *
     * @param id the rule's id, 0 for a new one
     * @param version the version edited (1 for a new rule)
     * @param body the request's body
     * @param activeWhenMissing the switch when the body leaves it out
     * @return the rule to save
     * @throws ValidationException naming every part that does not read ({@code name}, {@code recordType},
     *     {@code trigger}, {@code criteria.match}, {@code criteria.conditions[0].op}, {@code actions},
     *     {@code actions[0].action}, {@code actions[0].delay}, {@code repeat})
     */
    static Rule rule(long id, int version, RuleBody body, boolean activeWhenMissing) {
        List<FieldError> errors = new ArrayList<>();
        RuleBody b = body == null ? new RuleBody(null, null, null, null, null, null, null, null, null) : body;
        String name = b.name() == null ? "" : b.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "A rule's name has 1 to " + NAME_MAX + " characters."));
        }
        String recordType = b.recordType() == null ? "" : b.recordType().strip();
        if (recordType.isEmpty()) {
            errors.add(new FieldError("recordType", "Choose the record type the rule applies to."));
        }
        String trigger = b.trigger() == null ? "" : b.trigger().strip();
        if (trigger.isEmpty()) {
            errors.add(new FieldError("trigger", "Choose the trigger that starts the rule."));
        }
        Criteria criteria = criteria(b.criteria(), errors);
        List<RuleAction> actions = new ArrayList<>();
        if (b.actions() == null || b.actions().isEmpty()) {
            errors.add(new FieldError("actions", "Add at least one action."));
        } else {
            for (int i = 0; i < b.actions().size(); i++) {
                action(b.actions().get(i), "actions[" + i + "]", errors).ifPresent(actions::add);
            }
        }
        Rule.Repeat repeat = Rule.Repeat.EVERY_TIME;
        if (b.repeat() != null && !b.repeat().isBlank()) {
            try {
                repeat = Rule.Repeat.valueOf(b.repeat().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("repeat", "Repeat is ONCE_PER_RECORD or EVERY_TIME, not '" + b.repeat()
                        + "'."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Rule(id, Math.max(1, version), name, recordType, trigger, values(b.triggerConfig()), criteria,
                actions, repeat, b.active() == null ? activeWhenMissing : b.active());
    }

    static Criteria criteria(CriteriaBody body, List<FieldError> errors) {
        if (body == null) {
            return Criteria.none();
        }
        Criteria.Match match = Criteria.Match.ALL;
        if (body.match() != null && !body.match().isBlank()) {
            try {
                match = Criteria.Match.valueOf(body.match().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("criteria.match", "Match is ALL or ANY, not '" + body.match() + "'."));
            }
        }
        List<Filter> conditions = new ArrayList<>();
        List<ConditionBody> given = body.conditions() == null ? List.of() : body.conditions();
        for (int i = 0; i < given.size(); i++) {
            String at = "criteria.conditions[" + i + "]";
            ConditionBody c = given.get(i);
            if (c == null || c.field() == null || c.field().isBlank()) {
                errors.add(new FieldError(at + ".field", "Choose the field of the condition."));
                continue;
            }
            FilterOp op;
            try {
                op = FilterOp.valueOf(c.op() == null ? "" : c.op().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".op", "The operator is one of CONTAINS, EQUALS, NOT_EQUALS, EMPTY, "
                        + "NOT_EMPTY, BETWEEN, IN; not '" + c.op() + "'."));
                continue;
            }
            List<String> values = c.values() == null ? List.of()
                    : c.values().stream().map(v -> v == null ? "" : v).toList();
            try {
                conditions.add(new Filter(c.field().strip(), op, values));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".values", op.arity() < 0 ? "Give one or more values."
                        : "The operator " + op.name() + " takes " + op.arity() + " value" + (op.arity() == 1 ? ""
                                : "s") + "."));
            }
        }
        return new Criteria(match, conditions);
    }

    private static Optional<RuleAction> action(ActionBody body, String at, List<FieldError> errors) {
        if (body == null || body.action() == null || body.action().isBlank()) {
            errors.add(new FieldError(at + ".action", "Choose the action."));
            return Optional.empty();
        }
        Optional<TimeSpan> delay = Optional.empty();
        if (body.delay() != null && !body.delay().isBlank()) {
            try {
                delay = Optional.of(TimeSpan.parse(body.delay()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".delay", e.getMessage()));
                return Optional.empty();
            }
        }
        return Optional.of(new RuleAction(body.action().strip(), values(body.config()), delay));
    }

    /** @return the values without blank ones (a rule leaves a blank value out) and without null keys */
    static Map<String, String> values(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    out.put(k.strip(), v.strip());
                }
            });
        }
        return out;
    }
}
