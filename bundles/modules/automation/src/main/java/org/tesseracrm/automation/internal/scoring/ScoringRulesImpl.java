package org.tesseracrm.automation.internal.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRules;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/** Scoring rules kept in {@code AUTOMATION_SCORE_RULE}; the scores are written by {@link ScoreLifecycle}. */
@Component(service = ScoringRules.class)
public class ScoringRulesImpl implements ScoringRules {
    /** The label of the custom field created for a score. */
    static final String SCORE_LABEL = "Score";
    private static final int NAME_MAX = 100;
    private static final int POINTS_MAX = 10_000;
    private static final int CAP_MAX = 1_000;
    private static final int PAGE = 500;

    private final TransactionScope scope;
    private final AccessControl access;
    private final CallerContext callers;
    private final CustomFields fields;
    private final RecordTypes types;
    private final Records records;
    private final ScoringConfig config;

    /**
     * @param scope the CRM database's transactions
     * @param access the caller's permissions
     * @param callers runs recalculations as the system
     * @param fields the record types' fields; creates score fields
     * @param types installed record types
     * @param records the record platform, for recalculations
     * @param config the rules as record changes read them
     */
    @Activate
    public ScoringRulesImpl(@Reference TransactionScope scope, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference CustomFields fields, @Reference RecordTypes types,
            @Reference Records records, @Reference ScoringConfig config) {
        this.scope = scope;
        this.access = access;
        this.callers = callers;
        this.fields = fields;
        this.types = types;
        this.records = records;
        this.config = config;
    }

    @Override
    public List<ScoringRule> rules() {
        access.require(Automation.CONFIGURE);
        return scope.required(ScoringStore::all);
    }

    @Override
    public ScoringRule save(ScoringRule rule) {
        access.require(Automation.CONFIGURE);
        ScoringRule checked = check(rule);
        long id = scope.required(c -> ScoringStore.save(c, checked));
        if (id < 0) {
            throw new NotFoundException("scoring rule", rule.id());
        }
        config.drop();
        return new ScoringRule(id, checked.recordType(), checked.name(), checked.basis(), checked.criteria(),
                checked.points(), checked.cap(), checked.active());
    }

    @Override
    public boolean delete(long id) {
        access.require(Automation.CONFIGURE);
        boolean deleted = scope.required(c -> ScoringStore.delete(c, id));
        config.drop();
        return deleted;
    }

    @Override
    public Map<String, String> scoreFields() {
        access.require(Automation.CONFIGURE);
        return scope.required(ScoringStore::fields);
    }

    @Override
    public String setScoreField(String recordType, Optional<String> field) {
        access.require(Automation.CONFIGURE);
        if (types.find(recordType).isEmpty()) {
            throw invalid("recordType", "No installed module has the record type \"" + recordType + "\".");
        }
        List<FieldDefinition> defined = callers.callAs(Caller.SYSTEM, () -> fields.fields(recordType));
        String name;
        if (field.filter(f -> !f.isBlank()).isPresent()) {
            String wanted = field.get().strip();
            FieldDefinition chosen = defined.stream().filter(f -> f.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> invalid("field", "There is no field \"" + wanted + "\"."));
            if (chosen.type() != FieldType.NUMBER) {
                throw invalid("field", "A score goes into a number field; \"" + chosen.label() + "\" is not one.");
            }
            name = chosen.name();
        } else {
            name = defined.stream().filter(f -> f.type() == FieldType.NUMBER && f.label().equals(SCORE_LABEL))
                    .map(FieldDefinition::name).findFirst()
                    .orElseGet(() -> fields.add(recordType, CustomFieldInput.of(SCORE_LABEL, FieldType.NUMBER)).name());
        }
        scope.required(c -> {
            ScoringStore.setField(c, recordType, name);
            return null;
        });
        config.drop();
        return name;
    }

    @Override
    public long recalculate(String recordType) {
        access.require(Automation.CONFIGURE);
        config.drop();
        ScoringConfig.Snapshot now = config.now();
        String field = scope.required(ScoringStore::fields).get(recordType);
        if (field == null) {
            throw invalid("recordType", "Choose the score field of this record type first.");
        }
        List<ScoringRule> rules = now.rules().getOrDefault(recordType, List.of());
        return callers.callAs(Caller.SYSTEM, () -> {
            List<FieldDefinition> defined = fields.fields(recordType);
            List<FieldDefinition> activityFields = types.find(Scorer.ACTIVITY).isPresent()
                    ? fields.fields(Scorer.ACTIVITY) : List.of();
            long changed = 0;
            for (int offset = 0;; offset += PAGE) {
                List<RecordRow> page = records.page(recordType, RecordQuery.page(offset, PAGE)
                        .withSort(List.of(new SortOrder("createdAt", true))));
                for (RecordRow row : page) {
                    if (scope.required(c -> Scorer.rescore(records, defined, activityFields, rules, recordType, row,
                            field))) {
                        changed++;
                    }
                }
                if (page.size() < PAGE) {
                    return changed;
                }
            }
        });
    }

    /** @return the rule with its name trimmed, or every problem at once */
    private ScoringRule check(ScoringRule rule) {
        List<FieldError> errors = new ArrayList<>();
        String name = rule.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "Give the rule a name of 1 to " + NAME_MAX + " characters."));
        }
        if (Math.abs(rule.points()) > POINTS_MAX) {
            errors.add(new FieldError("points", "Points go from -" + POINTS_MAX + " to " + POINTS_MAX + "."));
        }
        boolean activities = rule.basis() == ScoringRule.Basis.ACTIVITIES_DONE;
        if (activities && (rule.cap() < 1 || rule.cap() > CAP_MAX)) {
            errors.add(new FieldError("cap", "Count 1 to " + CAP_MAX + " activities at the most."));
        }
        if (types.find(rule.recordType()).isEmpty()) {
            errors.add(new FieldError("recordType", "No installed module has the record type \"" + rule.recordType()
                    + "\"."));
        } else if (!scope.required(ScoringStore::fields).containsKey(rule.recordType())) {
            errors.add(new FieldError("recordType", "Choose the score field of this record type first."));
        } else if (activities && types.find(Scorer.ACTIVITY).isEmpty()) {
            errors.add(new FieldError("basis", "Activities count only when the Activities module is installed."));
        } else {
            String checkedType = activities ? Scorer.ACTIVITY : rule.recordType();
            try {
                Conditions.check(callers.callAs(Caller.SYSTEM, () -> fields.fields(checkedType)), rule.criteria());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ScoringRule(rule.id(), rule.recordType(), name, rule.basis(), rule.criteria(), rule.points(),
                activities ? rule.cap() : 0, rule.active());
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
