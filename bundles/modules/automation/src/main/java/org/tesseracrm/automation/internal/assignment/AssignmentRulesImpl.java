package org.tesseracrm.automation.internal.assignment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.AssignmentRule.Pool;
import org.tesseracrm.automation.api.AssignmentRule.Strategy;
import org.tesseracrm.automation.api.AssignmentRules;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;

/**
 * Assignment rules: kept in {@code AUTOMATION_ASSIGN_RULE}, applied as a {@link RecordLifecycle} participant of every
 * record type. Every create goes through the record platform (a form, the REST API, an import, another module), so
 * {@link #afterCreate} sees them all, in the create's transaction.
 *
 * <p>When: only for a record whose owner is its creator, that is, the creator left the owner to default (a form or
 * an API call without an owner, an import without an owner column) or named himself. An owner the creator chose for
 * someone else is kept. Then the first active rule of the type whose criteria the record meets chooses the owner; a
 * rule whose group or role has no active user is passed over.
 *
 * <p>How: the platform's own reassignment, {@link Records#assign} through {@link RecordLifecycle.Change#records()}
 * in the same transaction, as the system (the rule, not the creator, hands the record over: a sales rep may not be
 * allowed to assign to others). The create and the reassignment commit together or not at all; the record's history
 * shows the owner change, lifecycle participants see it as an update (shared rows follow the owner as for any
 * reassignment), and after commit a record-updated event follows the record-created one.
 *
 * <p>Round-robin and load-balancing lock the rule's row in {@code AUTOMATION_ASSIGN_TURN} until the create commits,
 * so parallel creates take their turns one after the other and each sees the records the one before it assigned.
 */
@Component(service = {AssignmentRules.class, RecordLifecycle.class}, property = RecordType.ID + "=" + RecordType.ALL)
public class AssignmentRulesImpl implements AssignmentRules, RecordLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentRulesImpl.class);
    private static final int NAME_MAX = 100;
    private static final long CACHE_MILLIS = 30_000;

    private final TransactionScope scope;
    private final AccessControl access;
    private final CallerContext callers;
    private final SecurityAdmin security;
    private final CustomFields fields;
    private final RecordTypes types;
    private volatile Map<String, List<AssignmentRule>> cache;
    private volatile long cachedAt;

    /**
     * @param scope the CRM database's transactions
     * @param access the caller's permissions
     * @param callers runs the reassignment and the pool look-ups as the system
     * @param security users, groups and roles
     * @param fields the record types' fields, for the criteria
     * @param types installed record types
     * @param schema the module's tables, migrated
     */
    @Activate
    public AssignmentRulesImpl(@Reference TransactionScope scope, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference SecurityAdmin security, @Reference CustomFields fields,
            @Reference RecordTypes types,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.scope = scope;
        this.access = access;
        this.callers = callers;
        this.security = security;
        this.fields = fields;
        this.types = types;
    }

    @Override
    public List<AssignmentRule> rules() {
        access.require(Automation.CONFIGURE);
        return scope.required(AssignmentStore::all);
    }

    @Override
    public AssignmentRule save(AssignmentRule rule) {
        access.require(Automation.CONFIGURE);
        AssignmentRule checked = check(rule);
        AssignmentRule saved = scope.required(c -> {
            List<AssignmentRule> all = AssignmentStore.all(c);
            Optional<AssignmentRule> old = all.stream().filter(r -> r.id() == checked.id()).findFirst();
            if (checked.id() != 0 && old.isEmpty()) {
                throw new NotFoundException("assignment rule", checked.id());
            }
            if (old.isPresent() && !old.get().recordType().equals(checked.recordType())) {
                throw invalid("recordType", "A rule stays with its record type; make a new rule for another type.");
            }
            long id = checked.id() == 0 ? AssignmentStore.insert(c, checked) : checked.id();
            if (checked.id() != 0) {
                AssignmentStore.update(c, checked);
            }
            List<Long> order = new ArrayList<>(all.stream().filter(r -> r.recordType().equals(checked.recordType())
                    && r.id() != id).map(AssignmentRule::id).toList());
            int position = checked.position() < 1 || checked.position() > order.size() + 1 ? order.size() + 1
                    : checked.position();
            order.add(position - 1, id);
            AssignmentStore.renumber(c, order);
            return new AssignmentRule(id, checked.recordType(), position, checked.name(), checked.criteria(),
                    checked.strategy(), checked.pool(), checked.poolName(), checked.open(), checked.active());
        });
        cache = null;
        return saved;
    }

    @Override
    public boolean delete(long id) {
        access.require(Automation.CONFIGURE);
        boolean deleted = scope.required(c -> AssignmentStore.delete(c, id));
        cache = null;
        return deleted;
    }

    /** @return the rule with its name trimmed, or every problem at once */
    private AssignmentRule check(AssignmentRule rule) {
        List<FieldError> errors = new ArrayList<>();
        String name = rule.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "Give the rule a name of 1 to " + NAME_MAX + " characters."));
        }
        Optional<RecordType> type = types.find(rule.recordType());
        if (type.isEmpty()) {
            errors.add(new FieldError("recordType", "No installed module has the record type \"" + rule.recordType()
                    + "\"."));
        } else {
            List<FieldDefinition> defined = callers.callAs(Caller.SYSTEM, () -> fields.fields(rule.recordType()));
            if (defined.stream().noneMatch(f -> f.name().equals("owner"))) {
                errors.add(new FieldError("recordType", type.get().pluralLabel() + " have no owner to assign."));
            }
            collect(errors, () -> Conditions.check(defined, rule.criteria()));
            collect(errors, () -> Conditions.check(defined, new Criteria(Criteria.Match.ALL, rule.open())));
        }
        boolean user = rule.strategy() == Strategy.USER;
        if (user != (rule.pool() == Pool.USER)) {
            errors.add(new FieldError("pool", user ? "A fixed owner is one user: choose the pool USER."
                    : "Round-robin and load-balancing choose among the users of a group or a role."));
        } else if (members(rule.pool(), rule.poolName().strip()).isEmpty()) {
            errors.add(new FieldError("poolName", switch (rule.pool()) {
                case USER -> "There is no active user \"" + rule.poolName() + "\".";
                case GROUP -> "There is no group \"" + rule.poolName() + "\" with active users.";
                case ROLE -> "There is no role \"" + rule.poolName() + "\" with active users.";
            }));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AssignmentRule(rule.id(), rule.recordType(), rule.position(), name, rule.criteria(),
                rule.strategy(), rule.pool(), rule.poolName().strip(), rule.open(), rule.active());
    }

    private static void collect(List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
    }

    /** @return the active users of the pool, by user name; empty if it does not exist */
    private List<String> members(Pool pool, String name) {
        return callers.callAs(Caller.SYSTEM, () -> {
            List<UserInfo> users = security.users().stream().filter(UserInfo::active).toList();
            return switch (pool) {
                case USER -> users.stream().map(UserInfo::username).filter(name::equals).toList();
                case GROUP -> security.groups().stream().filter(g -> g.name().equalsIgnoreCase(name))
                        .map(GroupInfo::id).findFirst()
                        .map(id -> users.stream().filter(u -> u.groupIds().contains(id)).map(UserInfo::username)
                                .sorted().toList())
                        .orElse(List.of());
                case ROLE -> security.roles().stream().filter(r -> r.name().equalsIgnoreCase(name))
                        .map(RoleInfo::id).findFirst()
                        .map(id -> users.stream().filter(u -> id.equals(u.roleId())).map(UserInfo::username)
                                .sorted().toList())
                        .orElse(List.of());
            };
        });
    }

    /** @return the active rules of a type, in order; cached for a short while (other nodes' saves show after it) */
    private List<AssignmentRule> rulesOf(String recordType) {
        Map<String, List<AssignmentRule>> rules = cache;
        if (rules == null || System.currentTimeMillis() - cachedAt > CACHE_MILLIS) {
            rules = scope.required(AssignmentStore::all).stream().filter(AssignmentRule::active)
                    .sorted(Comparator.comparingInt(AssignmentRule::position))
                    .collect(Collectors.groupingBy(AssignmentRule::recordType, HashMap::new, Collectors.toList()));
            cache = rules;
            cachedAt = System.currentTimeMillis();
        }
        return rules.getOrDefault(recordType, List.of());
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        List<AssignmentRule> rules = rulesOf(change.recordType());
        RecordRow row = change.after().orElse(null);
        if (rules.isEmpty() || row == null) {
            return;
        }
        Object owner = row.values().get("owner");
        if (owner == null || !owner.equals(change.actor())) {
            return; // the creator chose the owner
        }
        List<FieldDefinition> defined = callers.callAs(Caller.SYSTEM, () -> fields.fields(change.recordType()));
        Instant now = Instant.now();
        for (AssignmentRule rule : rules) {
            boolean meets;
            try {
                meets = Conditions.matches(defined, rule.criteria(), row, now, ZoneOffset.UTC);
            } catch (ValidationException e) { // a field removed since the rule was saved
                LOG.warn("Assignment rule {} ({}) no longer fits {}: {}", rule.id(), rule.name(),
                        change.recordType(), e.getMessage());
                continue;
            }
            if (!meets) {
                continue;
            }
            Optional<String> chosen = choose(change, rule, defined, now);
            if (chosen.isEmpty()) {
                continue;
            }
            if (!chosen.get().equals(owner)) {
                callers.callAs(Caller.SYSTEM, () -> change.records().assign(change.recordType(),
                        RecordSelection.of(List.of(change.id())), chosen.get()));
            }
            return;
        }
    }

    /** @return the new owner by the rule, empty when its pool has no active user */
    private Optional<String> choose(Change change, AssignmentRule rule, List<FieldDefinition> defined, Instant now)
            throws SQLException {
        List<String> pool = members(rule.pool(), rule.poolName());
        if (rule.strategy() == Strategy.USER || pool.isEmpty()) {
            return pool.stream().findFirst();
        }
        Connection c = change.connection();
        String last = AssignmentStore.lockTurn(c, rule.id());
        Optional<String> chosen;
        if (rule.strategy() == Strategy.ROUND_ROBIN) {
            chosen = Turns.next(pool, last);
        } else {
            Map<String, Long> open = openRecords(change, rule, pool, defined, now);
            chosen = Turns.fewest(pool, open, last);
        }
        if (chosen.isPresent()) {
            AssignmentStore.turnTaken(c, rule.id(), chosen.get());
        }
        return chosen;
    }

    /** @return how many open records of the type each user of the pool owns, the new record left out */
    private Map<String, Long> openRecords(Change change, AssignmentRule rule, List<String> pool,
            List<FieldDefinition> defined, Instant now) {
        List<Filter> filters = new ArrayList<>(Conditions.resolve(defined, rule.open(), now, ZoneOffset.UTC));
        filters.add(new Filter("owner", FilterOp.IN, pool));
        RecordQuery query = RecordQuery.page(0, 1).withFilters(filters);
        List<RecordGroup> groups = callers.callAs(Caller.SYSTEM,
                () -> change.records().groups(change.recordType(), query, "owner", List.of()));
        Map<String, Long> open = new HashMap<>();
        groups.forEach(g -> g.value().ifPresent(user -> open.put(user, g.count())));
        String creator = change.actor();
        if (open.containsKey(creator) && counted(change, defined, rule, now)) {
            open.put(creator, open.get(creator) - 1);
        }
        return open;
    }

    /** @return whether the new record itself is one of its creator's open records counted */
    private static boolean counted(Change change, List<FieldDefinition> defined, AssignmentRule rule, Instant now) {
        return change.after().map(row -> Conditions.matches(defined, new Criteria(Criteria.Match.ALL, rule.open()),
                row, now, ZoneOffset.UTC)).orElse(false);
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
