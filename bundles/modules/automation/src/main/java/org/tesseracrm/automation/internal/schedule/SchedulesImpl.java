package org.tesseracrm.automation.internal.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.api.Schedules;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Schedules kept in {@code AUTOMATION_SCHEDULE}, each with one durable kernel timer ({@value #HANDLER}, key the
 * schedule's id) due at its next run: the timer survives restarts (a run due while the CRM was down happens at the
 * next start), runs on one node, and moves itself on to the next run when it fires. A run reads the ids of the
 * records the shared saved view selects (with the schedule's own conditions, relative dates resolved in its zone) as
 * the system, at most {@value #MOST_RECORDS}, in pages, then runs each action for each record through the kernel's
 * {@link SafeCaller} as the system. Runs are logged in {@code AUTOMATION_SCHEDULE_RUN} (the engine's run log is for
 * rules; a schedule's actions get rule id 0 and the schedule's id in the trigger event's details).
 */
@Component(service = {Schedules.class, TimerHandler.class}, property = TimerHandler.NAME + "=" + SchedulesImpl.HANDLER)
public class SchedulesImpl implements Schedules, TimerHandler {
    /** The timers' handler name. */
    public static final String HANDLER = "automation.schedule";
    /** The trigger id actions see in their event. */
    public static final String TRIGGER = "schedule";
    static final int MOST_RECORDS = 10_000;
    private static final int PAGE = 500;
    private static final int NAME_MAX = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SchedulesImpl.class);

    private final TransactionScope scope;
    private final AccessControl access;
    private final CallerContext callers;
    private final Timers timers;
    private final SavedViews views;
    private final Records records;
    private final CustomFields fields;
    private final RecordTypes types;
    private final SafeCaller guard;
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    /**
     * @param scope the CRM database's transactions
     * @param access the caller's permissions
     * @param callers runs the schedules as the system
     * @param timers the kernel's durable timers
     * @param views saved list views
     * @param records the record platform
     * @param fields the record types' fields
     * @param types installed record types
     * @param guard calls the contributed actions
     * @param schema the module's tables, migrated
     */
    @Activate
    public SchedulesImpl(@Reference TransactionScope scope, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference Timers timers, @Reference SavedViews views,
            @Reference Records records, @Reference CustomFields fields, @Reference RecordTypes types,
            @Reference SafeCaller guard,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.scope = scope;
        this.access = access;
        this.callers = callers;
        this.timers = timers;
        this.views = views;
        this.records = records;
        this.fields = fields;
        this.types = types;
        this.guard = guard;
    }

    /** @param action a contributed action */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(Action action) {
        actions.add(action);
    }

    /** @param action an action going away */
    void removeAction(Action action) {
        actions.remove(action);
    }

    @Override
    public List<Schedule> schedules() {
        access.require(Automation.CONFIGURE);
        return scope.required(c -> ScheduleStore.read(c, 0));
    }

    @Override
    public Schedule schedule(long id) {
        access.require(Automation.CONFIGURE);
        return find(id);
    }

    private Schedule find(long id) {
        return scope.required(c -> ScheduleStore.read(c, id)).stream().filter(s -> id > 0).findFirst()
                .orElseThrow(() -> new NotFoundException("schedule", id));
    }

    @Override
    public Schedule save(Schedule schedule) {
        access.require(Automation.CONFIGURE);
        Schedule checked = check(schedule);
        Optional<Instant> next = checked.active() ? NextRun.after(checked, Instant.now()) : Optional.empty();
        Schedule toSave = with(checked, checked.id(), next);
        long id = scope.required(c -> ScheduleStore.save(c, toSave));
        if (id < 0) {
            throw new NotFoundException("schedule", schedule.id());
        }
        String key = String.valueOf(id);
        if (next.isPresent()) {
            timers.schedule(HANDLER, key, next.get(), "");
        } else {
            timers.cancel(HANDLER, key);
        }
        return with(toSave, id, next);
    }

    @Override
    public boolean delete(long id) {
        access.require(Automation.CONFIGURE);
        boolean deleted = scope.required(c -> ScheduleStore.delete(c, id));
        timers.cancel(HANDLER, String.valueOf(id));
        return deleted;
    }

    @Override
    public ScheduleRun runNow(long id) {
        access.require(Automation.CONFIGURE);
        Schedule schedule = find(id);
        return callers.callAs(Caller.SYSTEM, () -> run(schedule));
    }

    @Override
    public List<ScheduleRun> runs(long id, int limit) {
        access.require(Automation.CONFIGURE);
        if (limit < 1 || limit > 1000) {
            throw invalid("limit", "Ask for 1 to 1000 runs.");
        }
        return scope.required(c -> ScheduleStore.runs(c, id, limit));
    }

    /** Runs the schedule whose timer is due, then sets the timer to its next run. */
    @Override
    public void fire(DueTimer timer) {
        long id = Long.parseLong(timer.key());
        Optional<Schedule> found = scope.required(c -> ScheduleStore.read(c, id)).stream().findFirst();
        if (found.isEmpty() || !found.get().active()) {
            return; // deleted or switched off since: its timer is not set again
        }
        Schedule schedule = found.get();
        ScheduleRun run = callers.callAs(Caller.SYSTEM, () -> run(schedule));
        LOG.info("Schedule {} ({}) ran over {} records: {} done, {} skipped, {} failed", id, schedule.name(),
                run.records(), run.done(), run.skipped(), run.failed());
        Instant from = timer.dueAt().isAfter(Instant.now()) ? timer.dueAt() : Instant.now();
        Optional<Instant> next = NextRun.after(schedule, from);
        scope.required(c -> {
            ScheduleStore.setNextRun(c, id, next.orElse(null));
            return null;
        });
        next.ifPresent(at -> timers.schedule(HANDLER, timer.key(), at, ""));
    }

    /** Runs the actions over the view's records, as the caller (the system), and logs the run. */
    private ScheduleRun run(Schedule schedule) {
        Instant started = Instant.now();
        long done = 0;
        long skipped = 0;
        long failed = 0;
        String message = "";
        List<Long> ids = List.of();
        try {
            ids = selected(schedule, started);
            if (ids.size() >= MOST_RECORDS) {
                message = "The view selects more than " + MOST_RECORDS + " records; this run took the first "
                        + MOST_RECORDS + ".";
            }
            for (long recordId : ids) {
                TriggerEvent event = new TriggerEvent(TRIGGER, schedule.recordType(), recordId,
                        Caller.SYSTEM.username(), started, Map.of("schedule", String.valueOf(schedule.id()),
                                "scheduleName", schedule.name()));
                for (RuleAction step : schedule.actions()) {
                    Optional<Action> action = action(step.action());
                    if (action.isEmpty()) {
                        failed++;
                        message = message.isEmpty() ? "The action \"" + step.action() + "\" is not installed." : message;
                        continue;
                    }
                    ActionContext context = new ActionContext(0, 0, event, step.config(), 1);
                    Optional<ActionResult> result = guard.call(action.get(), "run", () -> action.get().run(context));
                    if (result.isEmpty()) {
                        failed++;
                        message = message.isEmpty() ? "The action \"" + step.action() + "\" failed for record #"
                                + recordId + " (see the log)." : message;
                    } else if (result.get().outcome() == ActionResult.Outcome.DONE) {
                        done++;
                    } else {
                        skipped++;
                    }
                }
            }
        } catch (CrmException e) {
            failed++;
            message = e.getMessage();
        }
        ScheduleRun run = new ScheduleRun(0, schedule.id(), started, Instant.now(), ids.size(), done, skipped, failed,
                message == null ? "" : message);
        return scope.required(c -> ScheduleStore.log(c, run));
    }

    /** @return the ids of the records the view and the conditions select now, at most {@value #MOST_RECORDS} */
    private List<Long> selected(Schedule schedule, Instant now) {
        SavedView view = view(schedule.recordType(), schedule.viewOwner(), schedule.viewName()).orElseThrow(
                () -> new NotFoundException("The saved view \"" + schedule.viewName() + "\" of " + schedule.viewOwner()
                        + " is gone or no longer shared."));
        List<Filter> filters = new ArrayList<>(view.filters());
        filters.addAll(Conditions.resolve(fields.fields(schedule.recordType()), schedule.conditions(), now,
                schedule.zone()));
        RecordQuery query = view.query().withFilters(filters);
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ids.size() < MOST_RECORDS; offset += PAGE) {
            List<RecordRow> page = records.page(schedule.recordType(), query.withPage(offset, PAGE));
            page.stream().limit(MOST_RECORDS - ids.size()).forEach(row -> ids.add(row.id()));
            if (page.size() < PAGE) {
                break;
            }
        }
        return ids;
    }

    /** @return the shared view, as the system sees views */
    private Optional<SavedView> view(String recordType, String owner, String name) {
        return callers.callAs(Caller.SYSTEM, () -> views.list(recordType)).stream()
                .filter(v -> v.shared() && v.owner().equals(owner) && v.name().equals(name)).findFirst();
    }

    private Optional<Action> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** @return the schedule with its name trimmed, or every problem at once */
    private Schedule check(Schedule schedule) {
        List<FieldError> errors = new ArrayList<>();
        String name = schedule.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "Give the schedule a name of 1 to " + NAME_MAX + " characters."));
        }
        Optional<RecordType> type = types.find(schedule.recordType());
        if (type.isEmpty()) {
            errors.add(new FieldError("recordType", "No installed module has the record type \""
                    + schedule.recordType() + "\"."));
        } else {
            if (view(schedule.recordType(), schedule.viewOwner(), schedule.viewName()).isEmpty()) {
                errors.add(new FieldError("view", "There is no shared view \"" + schedule.viewName() + "\" of "
                        + schedule.viewOwner() + " for " + type.get().pluralLabel().toLowerCase(java.util.Locale.ROOT)
                        + "; a schedule runs as the system and sees shared views only."));
            }
            List<FieldDefinition> defined = callers.callAs(Caller.SYSTEM, () -> fields.fields(schedule.recordType()));
            try {
                Conditions.check(defined, new org.tesseracrm.kernel.api.automation.Criteria(
                        org.tesseracrm.kernel.api.automation.Criteria.Match.ALL, schedule.conditions()));
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(new FieldError("conditions", err.message())));
            }
        }
        switch (schedule.frequency()) {
            case ONCE -> {
                if (schedule.date().isEmpty()) {
                    errors.add(new FieldError("date", "Choose the day of the run."));
                } else if (schedule.active() && NextRun.after(schedule, Instant.now()).isEmpty()) {
                    errors.add(new FieldError("date", "This day and time have passed."));
                }
            }
            case WEEKLY -> {
                if (schedule.dayOfWeek().isEmpty()) {
                    errors.add(new FieldError("dayOfWeek", "Choose the day of the week."));
                }
            }
            case MONTHLY -> {
                if (schedule.dayOfMonth() < 1 || schedule.dayOfMonth() > 31) {
                    errors.add(new FieldError("dayOfMonth", "Choose a day of the month from 1 to 31."));
                }
            }
            default -> {
            }
        }
        if (schedule.actions().isEmpty()) {
            errors.add(new FieldError("actions", "Add at least one action."));
        }
        for (RuleAction step : schedule.actions()) {
            Optional<Action> action = action(step.action());
            if (action.isEmpty()) {
                errors.add(new FieldError("actions", "The action \"" + step.action() + "\" is not installed."));
                continue;
            }
            if (step.delay().isPresent()) {
                errors.add(new FieldError("actions", action.get().label() + ": a schedule runs its actions at once."));
            }
            Action found = action.get();
            if (!found.recordTypes().contains(RecordType.ALL) && !found.recordTypes().contains(schedule.recordType())) {
                errors.add(new FieldError("actions", found.label() + " does not apply to this record type."));
            }
            for (Parameter parameter : found.parameters()) {
                if (parameter.required() && parameter.defaultValue().isEmpty()
                        && step.config().getOrDefault(parameter.name(), "").isBlank()) {
                    errors.add(new FieldError("actions", found.label() + ": " + parameter.label() + " is required."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Schedule(schedule.id(), name, schedule.recordType(), schedule.viewOwner(), schedule.viewName(),
                schedule.conditions(), schedule.frequency(), schedule.date(), schedule.time(), schedule.dayOfWeek(),
                schedule.dayOfMonth(), schedule.zone(), schedule.actions(), schedule.active(), Optional.empty());
    }

    private static Schedule with(Schedule s, long id, Optional<Instant> next) {
        return new Schedule(id, s.name(), s.recordType(), s.viewOwner(), s.viewName(), s.conditions(), s.frequency(),
                s.date(), s.time(), s.dayOfWeek(), s.dayOfMonth(), s.zone(), s.actions(), s.active(), next);
    }

    /** @return the zone of a text, or a field error */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw invalid("zone", "\"" + text + "\" is not a time zone (e.g. Europe/Madrid).");
        }
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
