package org.tesseracrm.automation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.internal.engine.ChainDepth;
import org.tesseracrm.automation.internal.engine.CriteriaMatcher;
import org.tesseracrm.automation.internal.engine.Due;
import org.tesseracrm.automation.internal.engine.RecordTriggers;
import org.tesseracrm.automation.internal.store.RuleStore;
import org.tesseracrm.automation.internal.store.StoredRule;
import org.tesseracrm.automation.internal.store.StoredRun;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The workflow engine. As a {@link RecordLifecycle} participant for every record type it sees each change inside the
 * change's own transaction: it picks the type's active rules (kept in memory, reloaded when a rule is saved here or,
 * checked every few seconds, on another node), checks the built-in trigger and the criteria on the record, and
 * queues a run: an AUTOMATION_RUN row and a durable timer ({@value #RUN_HANDLER}) due at once or after the first
 * action's delay. Both commit or roll back with the change, so a run happens exactly for the changes that commit.
 * A change of a type without rules costs a map look-up; no query.
 *
 * <p>The run timer does the actions in order as the system ({@link #run}), each in a transaction of its own with the
 * run log step it writes, so a failing action's writes roll back while the run log still says FAILED and why. A
 * delayed action moves the timer to its due time; a logged step never runs again. Changes the actions make reach this
 * participant on the same thread, where {@link ChainDepth} gives their runs one more depth; a run beyond the limit is
 * logged STOPPED with the reason. "Date reached" rules keep a timer ({@value #DATE_HANDLER}) per rule and record.
 * Runs started by contributed triggers come through {@link TriggerListener}. The engine starts no thread of its own.
 */
@Component(service = {RuleEngine.class, RecordLifecycle.class}, configurationPid = Engine.PID,
        property = RecordType.ID + "=" + RecordType.ALL)
public class Engine implements RecordLifecycle, RuleEngine {
    /** Configuration: {@code maxDepth} (loop protection, default 5) and {@code zone} (for dates, default UTC). */
    public static final String PID = "org.tesseracrm.automation";
    /** The timers of runs, keyed by run id. */
    public static final String RUN_HANDLER = "automation.run";
    /** The timers of "date reached" rules, keyed {@code ruleId:recordId}. */
    public static final String DATE_HANDLER = "automation.date";
    /** How often a node looks whether another node changed rules. */
    static final Duration STALE_CHECK = Duration.ofSeconds(5);
    /** Run timer payload: go on with the step the run waited at (it was due then). */
    private static final String RESUME = "resume";
    private static final int ID_BLOCK = 20;
    private static final int RESUMED_AT_ONCE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** The active rules by record type, their fields, and the stamp they were read at. */
    private record Cache(Map<String, List<Rule>> byType, Map<Long, Rule> byId,
            Map<String, List<FieldDefinition>> fields, String stamp) {
    }

    private final TransactionScope scope;
    private final Timers timers;
    private final Catalogue catalogue;
    private final CallerContext callers;
    private final CustomFields customFields;
    private final SafeCaller safe;
    private final ChainDepth depth;
    private final ZoneId zone;
    private final Runnable resume = this::resumeWaiting;
    private volatile Cache cache;
    private final AtomicLong generation = new AtomicLong();
    private volatile Instant checkedAt = Instant.EPOCH;
    private long nextRunId;
    private long lastRunId = -1;

    /**
     * @param scope the CRM transaction scope
     * @param timers the kernel's durable timers
     * @param catalogue the installed triggers and actions
     * @param callers runs work as the system
     * @param customFields the record types' fields, custom ones included
     * @param safe calls contributed triggers and actions guarded
     * @param schema the module's tables exist (the engine takes part in every record change only after)
     * @param config {@code maxDepth}, {@code zone}
     */
    @Activate
    public Engine(@Reference TransactionScope scope, @Reference Timers timers, @Reference Catalogue catalogue,
            @Reference CallerContext callers, @Reference CustomFields customFields, @Reference SafeCaller safe,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema,
            Map<String, Object> config) {
        this.scope = scope;
        this.timers = timers;
        this.catalogue = catalogue;
        this.callers = callers;
        this.customFields = customFields;
        this.safe = safe;
        this.depth = new ChainDepth(Integer.parseInt(String.valueOf(config.getOrDefault("maxDepth",
                ChainDepth.DEFAULT_MAX))));
        this.zone = ZoneId.of(String.valueOf(config.getOrDefault("zone", "UTC")));
        catalogue.onArrival(resume);
        try {
            resumeWaiting();
        } catch (RuntimeException e) {
            LOG.warn("Waiting automation runs could not be resumed at start: {}", e.getMessage());
        }
    }

    /** Stops hearing of arriving triggers and actions. */
    @Deactivate
    void deactivate() {
        catalogue.noArrival(resume);
    }

    /** @return the time zone dates and calendar units count in */
    @Override
    public ZoneId zone() {
        return zone;
    }

    /** Forgets the rules in memory: a rule was saved, switched or deleted (called in and after its transaction). */
    @Override
    public void rulesChanged() {
        generation.incrementAndGet();
        cache = null;
    }

    /**
     * @param recordType a record type id
     * @return its fields, predefined and custom, read as the system
     * @throws org.tesseracrm.kernel.api.NotFoundException if no such type is installed
     */
    @Override
    public List<FieldDefinition> fields(String recordType) {
        return callers.callAs(Caller.SYSTEM, () -> customFields.fields(recordType));
    }

    // ---- the rules in memory

    private Cache rules(Connection c) throws SQLException {
        Cache known = cache;
        Instant now = Instant.now();
        if (known != null && now.isBefore(checkedAt.plus(STALE_CHECK))) {
            return known;
        }
        long seen = generation.get();
        String stamp = RuleStore.stamp(c);
        checkedAt = now;
        if (known != null && known.stamp().equals(stamp)) {
            return known;
        }
        Map<String, List<Rule>> byType = new HashMap<>();
        Map<Long, Rule> byId = new HashMap<>();
        Map<String, List<FieldDefinition>> fields = new HashMap<>();
        for (StoredRule stored : RuleStore.rules(c)) {
            Rule rule = stored.rule();
            if (!rule.active()) {
                continue;
            }
            byType.computeIfAbsent(rule.recordType(), k -> new ArrayList<>()).add(rule);
            byId.put(rule.id(), rule);
            if (!fields.containsKey(rule.recordType())) {
                try {
                    fields.put(rule.recordType(), fields(rule.recordType()));
                } catch (CrmException e) { // its module is not installed: no change of the type comes
                    fields.put(rule.recordType(), List.of());
                }
            }
        }
        Cache loaded = new Cache(byType, byId, fields, stamp);
        if (generation.get() == seen) { // else a rule changed while reading: the next change reads again
            cache = loaded;
        }
        return loaded;
    }

    // ---- record changes

    @Override
    public void afterCreate(Change change) throws SQLException {
        changed(change, RecordTriggers.Kind.CREATE);
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        changed(change, RecordTriggers.Kind.UPDATE);
    }

    @Override
    public void afterDelete(Change change) throws SQLException {
        changed(change, RecordTriggers.Kind.DELETE);
    }

    private void changed(Change change, RecordTriggers.Kind kind) throws SQLException {
        Cache rules = rules(change.connection());
        List<Rule> ofType = rules.byType().get(change.recordType());
        if (ofType == null) {
            return;
        }
        Instant now = Instant.now();
        int runDepth = depth.next();
        CriteriaMatcher matcher = new CriteriaMatcher(rules.fields().get(change.recordType()), now, zone);
        for (Rule rule : ofType) {
            Optional<TriggerEvent> event;
            try {
                event = event(change, kind, rule, now, matcher);
            } catch (RuntimeException e) { // a rule's own mistake must not refuse users' changes
                LOG.warn("Rule {} (\"{}\") was skipped on {} #{}: {}", rule.id(), rule.name(), change.recordType(),
                        change.id(), e.getMessage(), e);
                continue;
            }
            if (event.isPresent()) {
                enqueue(change.connection(), rule, event.get(), runDepth, false);
            }
        }
    }

    /** @return the trigger event when the rule runs for the change, after scheduling a "date reached" timer */
    private Optional<TriggerEvent> event(Change change, RecordTriggers.Kind kind, Rule rule, Instant now,
            CriteriaMatcher matcher) {
        if (rule.trigger().equals(RecordTriggers.DATE_REACHED)) {
            dateRule(change, kind, rule, now);
            return Optional.empty();
        }
        Optional<Map<String, String>> details = RecordTriggers.fires(rule.trigger(), rule.triggerConfig(), kind,
                change.fields(), change.before(), change.after());
        Optional<RecordRow> row = kind == RecordTriggers.Kind.DELETE ? change.before() : change.after();
        if (details.isEmpty() || row.isEmpty() || !catalogue.missing(rule).isEmpty()
                || !matches(matcher, rule, row.get())) {
            return Optional.empty(); // not this trigger, suspended (it starts no runs), or criteria not met
        }
        return Optional.of(new TriggerEvent(rule.trigger(), change.recordType(), change.id(), change.actor(), now,
                details.get()));
    }

    private static boolean matches(CriteriaMatcher matcher, Rule rule, RecordRow row) {
        try {
            return matcher.matches(rule.criteria(), row);
        } catch (ValidationException e) { // a field the criteria name was removed since the rule was saved
            LOG.warn("Rule {} (\"{}\") does not run: its criteria no longer fit its record type: {}", rule.id(),
                    rule.name(), e.getMessage());
            return false;
        }
    }

    private void dateRule(Change change, RecordTriggers.Kind kind, Rule rule, Instant now) {
        String key = rule.id() + ":" + change.id();
        if (kind == RecordTriggers.Kind.DELETE) {
            timers.cancel(DATE_HANDLER, key);
            return;
        }
        String field = rule.triggerConfig().getOrDefault("field", "");
        if (kind == RecordTriggers.Kind.UPDATE && !change.fields().contains(field) || change.after().isEmpty()) {
            return;
        }
        Optional<Instant> due = dateDue(rule, change.after().get());
        if (due.isPresent() && due.get().isAfter(now)) {
            timers.schedule(DATE_HANDLER, key, due.get(), Long.toString(due.get().toEpochMilli()));
        } else if (kind == RecordTriggers.Kind.UPDATE) {
            timers.cancel(DATE_HANDLER, key);
        }
    }

    private Optional<Instant> dateDue(Rule rule, RecordRow row) {
        Map<String, String> config = rule.triggerConfig();
        String offset = config.getOrDefault("offset", "");
        TimeSpan span = offset.isBlank() ? new TimeSpan(0, TimeSpan.Unit.MINUTES) : TimeSpan.parse(offset);
        return Due.dateReached(row.value(config.getOrDefault("field", "")).orElse(null), span,
                RecordTriggers.BEFORE.equals(config.get("when")), zone);
    }

    /**
     * A "date reached" timer came due: if the rule still runs and the record's date still gives this time, and the
     * record meets the criteria, queue a run (waiting while the rule is suspended).
     *
     * @param timer the timer, keyed {@code ruleId:recordId}, its payload the due time it was scheduled for (epoch
     *     milliseconds)
     * @param records the record platform, acting as the system
     */
    @Override
    public void dateReached(DueTimer timer, Records records) {
        String[] key = timer.key().split(":");
        long ruleId = Long.parseLong(key[0]);
        long recordId = Long.parseLong(key[1]);
        scope.required(c -> {
            Cache rules = rules(c);
            Rule rule = rules.byId().get(ruleId);
            if (rule == null || !rule.trigger().equals(RecordTriggers.DATE_REACHED)) {
                return null; // switched off, deleted or changed since
            }
            Optional<RecordRow> row = records.get(rule.recordType(), recordId);
            Optional<Instant> due = row.flatMap(r -> dateDue(rule, r));
            if (due.isEmpty() || !Long.toString(due.get().toEpochMilli()).equals(timer.payload())) {
                return null; // the record is gone or its date moved (its new timer is scheduled)
            }
            Instant now = Instant.now();
            CriteriaMatcher matcher = new CriteriaMatcher(rules.fields().get(rule.recordType()), now, zone);
            if (matches(matcher, rule, row.get())) {
                String field = rule.triggerConfig().getOrDefault("field", "");
                Map<String, String> details = Map.of("field", field, "value", row.get().text(field));
                enqueue(c, rule, new TriggerEvent(RecordTriggers.DATE_REACHED, rule.recordType(), recordId,
                        Caller.SYSTEM.username(), timer.dueAt(), details), depth.next(), !catalogue.missing(rule)
                        .isEmpty());
            }
            return null;
        });
    }

    // ---- contributed triggers

    /**
     * @param event a contributed trigger's event
     * @return whether an active rule of the event's record type uses its trigger (from memory)
     */
    @Override
    public boolean listens(TriggerEvent event) {
        Cache known = cache;
        return known == null || known.byType().getOrDefault(event.recordType(), List.of()).stream()
                .anyMatch(r -> r.trigger().equals(event.trigger()));
    }

    /**
     * A contributed trigger happened (after its change committed): queue a run for every active rule of the trigger
     * whose configuration the trigger says matches and whose criteria the record meets. Called as the system.
     *
     * @param event the event
     * @param records the record platform
     */
    @Override
    public void triggered(TriggerEvent event, Records records) {
        scope.required(c -> {
            Cache rules = rules(c);
            List<Rule> ofTrigger = rules.byType().getOrDefault(event.recordType(), List.of()).stream()
                    .filter(r -> r.trigger().equals(event.trigger())).toList();
            Optional<Trigger> trigger = catalogue.trigger(event.trigger());
            if (ofTrigger.isEmpty() || trigger.isEmpty()) {
                return null;
            }
            Optional<RecordRow> row = Optional.empty();
            CriteriaMatcher matcher = null;
            int runDepth = depth.next();
            for (Rule rule : ofTrigger) {
                if (!catalogue.missing(rule).isEmpty() || !safe.call(trigger.get(), "matches",
                        () -> trigger.get().matches(event, rule.triggerConfig())).orElse(false)) {
                    continue;
                }
                if (row.isEmpty()) {
                    row = records.get(event.recordType(), event.recordId());
                    if (row.isEmpty()) {
                        return null;
                    }
                    matcher = new CriteriaMatcher(rules.fields().get(rule.recordType()), Instant.now(), zone);
                }
                if (matches(matcher, rule, row.get())) {
                    enqueue(c, rule, event, runDepth, false);
                }
            }
            return null;
        });
    }

    // ---- runs

    private void enqueue(Connection c, Rule rule, TriggerEvent event, int runDepth, boolean waiting)
            throws SQLException {
        Optional<String> refusal = depth.refusal(rule, event.recordType(), event.recordId(), runDepth);
        if (refusal.isEmpty() && rule.repeat() == Rule.Repeat.ONCE_PER_RECORD
                && !RuleStore.markOnce(c, rule.id(), event.recordType(), event.recordId())) {
            return;
        }
        long id = nextRunId();
        Instant now = Instant.now();
        RuleRun.Status status = refusal.isPresent() ? RuleRun.Status.STOPPED
                : waiting ? RuleRun.Status.WAITING : RuleRun.Status.QUEUED;
        RuleStore.insertRun(c, new StoredRun(id, rule.id(), rule.version(), event.recordType(), event.recordId(),
                event.trigger(), event.actor(), event.details(), runDepth, status, event.at(),
                refusal.isPresent() ? Optional.of(now) : Optional.empty(),
                refusal.orElse(waiting ? waitingFor(catalogue.missing(rule)) : "")));
        if (refusal.isPresent()) {
            LOG.warn("{}", refusal.get());
        } else if (!waiting) {
            Instant due = rule.actions().get(0).delay().map(d -> Due.plus(event.at(), d, zone, 1)).orElse(event.at());
            timers.schedule(RUN_HANDLER, Long.toString(id), due, "1");
        }
    }

    private synchronized long nextRunId() {
        if (nextRunId > lastRunId) {
            nextRunId = scope.reserveIds(RuleStore.RUN_IDS, ID_BLOCK);
            lastRunId = nextRunId + ID_BLOCK - 1;
        }
        return nextRunId++;
    }

    private static String waitingFor(List<String> missing) {
        return "Waiting for " + String.join(", ", missing) + ", which no installed module contributes now; the run "
                + "goes on when it is back.";
    }

    /**
     * A run's timer came due: does the run's actions from the first not yet logged, in order, as the system (the
     * timer's caller), until one is delayed past now (the timer moves to it), one is missing (the run waits), one
     * fails (the run fails) or all are done. Runs inside the timer's transaction; each action in one of its own.
     *
     * @param timer the run's timer, keyed by run id; its payload the position of the step it was scheduled for,
     *     which runs even if the timer was moved before its delay, or {@code resume} for the step the run waited at
     */
    @Override
    public void run(DueTimer timer) {
        long id = Long.parseLong(timer.key());
        scope.required(c -> {
            Optional<StoredRun> found = RuleStore.run(c, id);
            if (found.isEmpty() || found.get().status() != RuleRun.Status.QUEUED
                    && found.get().status() != RuleRun.Status.WAITING) {
                return null; // deleted with its rule, or ended
            }
            StoredRun run = found.get();
            Optional<Rule> version = RuleStore.version(c, run.ruleId(), run.ruleVersion());
            if (version.isEmpty()) {
                return null;
            }
            Rule rule = version.get();
            if (!rule.active()) {
                RuleStore.updateRun(c, id, RuleRun.Status.STOPPED, Optional.of(Instant.now()), "The rule was "
                        + "switched off before this run ended; its remaining actions did not run.");
                return null;
            }
            int first = RuleStore.lastStep(c, id) + 1;
            int forced = RESUME.equals(timer.payload()) ? first : timer.payload().matches("\\d{1,9}")
                    ? Integer.parseInt(timer.payload()) : 0;
            for (int position = first; position <= rule.actions().size(); position++) {
                RuleAction step = rule.actions().get(position - 1);
                Instant due = step.delay().map(d -> Due.plus(run.startedAt(), d, zone, 1)).orElse(run.startedAt());
                if (position != forced && due.isAfter(Instant.now().plusSeconds(1))) {
                    timers.schedule(RUN_HANDLER, timer.key(), due, Integer.toString(position));
                    if (run.status() != RuleRun.Status.QUEUED) {
                        RuleStore.updateRun(c, id, RuleRun.Status.QUEUED, Optional.empty(), "");
                    }
                    return null;
                }
                Optional<Action> action = catalogue.action(step.action());
                if (action.isEmpty()) {
                    RuleStore.updateRun(c, id, RuleRun.Status.WAITING, Optional.empty(),
                            waitingFor(List.of(step.action())));
                    return null;
                }
                if (!act(c, run, rule, position, step, action.get())) {
                    return null;
                }
            }
            RuleStore.updateRun(c, id, RuleRun.Status.DONE, Optional.of(Instant.now()), "");
            return null;
        });
    }

    /** @return whether the action did its work (logged DONE or SKIPPED); false when it failed (run logged FAILED) */
    private boolean act(Connection c, StoredRun run, Rule rule, int position, RuleAction step, Action action)
            throws SQLException {
        ActionContext context = new ActionContext(rule.id(), rule.version(), run.event(), step.config(), run.depth());
        try {
            depth.running(run.depth(), () -> scope.requiresNew(inner -> {
                ActionResult result = safe.require(action, "run", () -> action.run(context));
                if (result == null) {
                    result = ActionResult.done("");
                }
                RuleStore.insertStep(inner, run.id(), position, step.action(), result.outcome().name(),
                        result.message(), Instant.now());
                return result;
            }));
            return true;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            RuleStore.insertStep(c, run.id(), position, step.action(), "FAILED", message, Instant.now());
            RuleStore.updateRun(c, run.id(), RuleRun.Status.FAILED, Optional.of(Instant.now()), "Action " + position
                    + " (" + step.action() + ") failed: " + message);
            LOG.warn("Automation run {} of rule {} (\"{}\", version {}) on {} #{}: action {} ({}) failed: {}",
                    run.id(), rule.id(), rule.name(), rule.version(), run.recordType(), run.recordId(), position,
                    step.action(), message);
            return false;
        }
    }

    /** Lets every waiting run try again now: a trigger or an action came (back). */
    void resumeWaiting() {
        int resumed = callers.callAs(Caller.SYSTEM, () -> scope.required(c -> {
            List<Long> ids = RuleStore.runIds(c, RuleRun.Status.WAITING, RESUMED_AT_ONCE);
            Instant now = Instant.now();
            for (long id : ids) {
                timers.schedule(RUN_HANDLER, Long.toString(id), now, RESUME);
            }
            return ids.size();
        }));
        if (resumed > 0) {
            LOG.info("{} waiting automation runs try again", resumed);
        }
    }

    /**
     * @param c the transaction's connection
     * @param ruleId a rule about to be deleted
     * @throws SQLException if the database fails
     */
    @Override
    public void cancelRuns(Connection c, long ruleId) throws SQLException {
        for (RuleRun run : RuleStore.runLog(c, ruleId, 10_000)) {
            if (run.status() == RuleRun.Status.QUEUED) {
                timers.cancel(RUN_HANDLER, Long.toString(run.id()));
            }
        }
    }
}
