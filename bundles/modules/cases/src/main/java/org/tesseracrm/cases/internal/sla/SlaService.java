package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.cases.internal.service.StatusKindListener;
import org.tesseracrm.cases.internal.sla.SlaStore.CaseSla;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The SLA of cases: the administrator's settings (calendars, resolution times per priority, which calendar each case
 * type counts in, escalation rules), each case's clock (through {@link SlaLifecycle}) and the sweep that moves states
 * on and escalates late cases up the role tree ({@link SweepTimer}). Reading the settings needs
 * {@link CasesModule#VIEW}, changing them and running the sweep by hand {@link CasesModule#CONFIGURE}. A change of a
 * calendar, resolution time, type's calendar or status kind works the SLA of the cases it concerns out again
 * ({@link Recompute}): the first {@value Recompute#BATCH} in the administrator's transaction, the rest in transactions
 * of as many on the durable timer {@value RecomputeTimer#HANDLER}.
 */
@Component(service = {SlaService.class, StatusKindListener.class})
public class SlaService implements StatusKindListener {
    /** The most cases one sweep looks at; the rest wait for the next run (their check time stays due). */
    static final int SWEEP_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SlaService.class);

    private final TransactionScope scope;
    private final AccessControl access;
    private final CallerContext callers;
    private final SecurityAdmin security;
    private final AuditTrail audit;
    private final Records records;
    private final Timers timers;
    private final List<EscalationChannel> channels = new CopyOnWriteArrayList<>();
    private volatile Clock clock = Clock.systemUTC();
    private final SlaBusinessHours businessHours;

    /**
     * @param scope the transactions
     * @param access the caller's permissions
     * @param callers runs the sweep as the platform
     * @param security the role tree and its users
     * @param audit the case's history
     * @param records reads a case with the caller's visibility
     * @param timers the durable timers that carry a recompute past its first batch
     * @param schema the module's tables
     * @param context registers the calendars as business hours for workflow rules ({@link SlaBusinessHours})
     */
    @Activate
    public SlaService(BundleContext context, @Reference TransactionScope scope, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference SecurityAdmin security, @Reference AuditTrail audit,
            @Reference Records records, @Reference Timers timers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.cases)") MigratedSchema schema) {
        this.scope = scope;
        this.access = access;
        this.callers = callers;
        this.security = security;
        this.audit = audit;
        this.records = records;
        this.timers = timers;
        this.businessHours = new SlaBusinessHours(context, () -> scope.required(SlaStore::calendars));
    }

    /**
     * One level a case reached.
     *
     * @param level the level, 1 for the responsible's manager
     * @param at when
     * @param role the role it went to
     * @param users the users of that role, comma separated
     */
    public record Escalated(int level, Instant at, String role, String users) {
    }

    /**
     * A recompute under way.
     *
     * @param scope what changed, e.g. {@code calendar:12}, {@code priority:Urgent}, {@code status:Waiting on customer}
     * @param afterId the last case id worked out (cases go in id order)
     * @param done how many cases the finished batches looked at (the first, in the administrator's transaction, is
     *     not counted)
     * @param requestedAt when the change was made
     */
    public record Pending(String scope, long afterId, long done, Instant requestedAt) {
    }

    /**
     * @param caseId a case the caller sees
     * @return the levels it reached, first first
     * @throws NotFoundException for a case the caller does not see
     */
    public List<Escalated> escalations(long caseId) {
        access.require(CasesModule.VIEW);
        if (records.get(CaseFields.RECORD_TYPE, caseId).isEmpty()) {
            throw new NotFoundException("Case", caseId);
        }
        return scope.required(c -> SlaStore.escalations(c, caseId));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeChannel")
    void addChannel(EscalationChannel channel) {
        channels.add(channel);
    }

    void removeChannel(EscalationChannel channel) {
        channels.remove(channel);
    }

    /** Takes the calendars' business hours services away. */
    @Deactivate
    void deactivate() {
        businessHours.deactivate();
    }

    /** After the calendars changed and that committed: the business hours services follow. */
    private void calendarsChanged() {
        scope.afterCommit(businessHours::sync);
    }

    /** @param clock the time source, for tests */
    void clock(Clock clock) {
        this.clock = clock;
    }

    // ---- settings

    /** @return every calendar, by name */
    public List<SlaCalendar> calendars() {
        access.require(CasesModule.VIEW);
        return scope.required(SlaStore::calendars);
    }

    /**
     * @param id a calendar
     * @return it
     * @throws NotFoundException for an unknown id
     */
    public SlaCalendar calendar(long id) {
        return calendars().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Calendar", id));
    }

    /**
     * Creates (id 0) or changes a calendar and works out again the due times of the open cases counting in it when
     * its hours, holidays, time zone or at-risk share changed.
     *
     * @param calendar the calendar
     * @return it as stored
     * @throws ValidationException for a name taken by another calendar, or a Default renamed
     * @throws NotFoundException for an unknown id
     */
    public SlaCalendar saveCalendar(SlaCalendar calendar) {
        access.require(CasesModule.CONFIGURE);
        String name = calendar.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw invalid("name", "A calendar's name has 1 to 100 characters.");
        }
        return scope.required(c -> {
            List<SlaCalendar> all = SlaStore.calendars(c);
            for (SlaCalendar other : all) {
                if (other.id() != calendar.id() && other.name().equalsIgnoreCase(name)) {
                    throw invalid("name", "There is already a calendar named " + other.name() + ".");
                }
            }
            Optional<SlaCalendar> old = Optional.empty();
            if (calendar.id() != 0) {
                old = Optional.of(all.stream().filter(x -> x.id() == calendar.id()).findFirst()
                        .orElseThrow(() -> new NotFoundException("Calendar", calendar.id())));
                if (old.get().isDefault() && !calendar.isDefault()) {
                    throw invalid("name", "The Default calendar keeps its name: the case types without a calendar "
                            + "of their own count in it.");
                }
            }
            long id = SlaStore.saveCalendar(c, calendar);
            calendarsChanged();
            if (old.isPresent() && Recompute.movesDueTimes(old.get(), calendar)) {
                recompute(c, new Recompute.Scope(Recompute.Kind.CALENDAR, Long.toString(id)));
            }
            return SlaStore.calendars(c).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    /**
     * @param id a calendar
     * @throws ValidationException for the Default calendar, or one a case type or case still uses
     */
    public void deleteCalendar(long id) {
        access.require(CasesModule.CONFIGURE);
        scope.required(c -> {
            SlaCalendar calendar = SlaStore.calendars(c).stream().filter(x -> x.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("Calendar", id));
            if (calendar.isDefault()) {
                throw invalid("name", "The Default calendar cannot be deleted.");
            }
            if (SlaStore.uses(c, id) > 0) {
                throw invalid("name", "The calendar " + calendar.name() + " is still used by case types or cases.");
            }
            SlaStore.deleteCalendar(c, id);
            calendarsChanged();
            return null;
        });
    }

    /** @return the calendar id of each case type that has its own */
    public Map<String, Long> typeCalendars() {
        access.require(CasesModule.VIEW);
        return scope.required(SlaStore::typeCalendars);
    }

    /**
     * @param caseType a case type
     * @param calendarId its own calendar; empty for the Default
     */
    public void setTypeCalendar(String caseType, Optional<Long> calendarId) {
        access.require(CasesModule.CONFIGURE);
        if (caseType.isBlank()) {
            throw invalid("caseType", "Choose a case type.");
        }
        scope.required(c -> {
            if (calendarId.isPresent()
                    && SlaStore.calendars(c).stream().noneMatch(x -> x.id() == calendarId.get())) {
                throw new NotFoundException("Calendar", calendarId.get());
            }
            SlaStore.setTypeCalendar(c, caseType.trim(), calendarId);
            recompute(c, new Recompute.Scope(Recompute.Kind.TYPE, caseType.trim()));
            return null;
        });
    }

    /** @return the resolution time of each priority that has one */
    public Map<String, Resolution> resolutions() {
        access.require(CasesModule.VIEW);
        return scope.required(SlaStore::resolutions);
    }

    /**
     * Sets a priority's resolution time and works out the due times of its cases again.
     *
     * @param priority a priority value
     * @param resolution its resolution time; empty for no SLA
     */
    public void setResolution(String priority, Optional<Resolution> resolution) {
        access.require(CasesModule.CONFIGURE);
        if (priority.isBlank() || priority.length() > 100) {
            throw invalid("priority", "Choose a priority.");
        }
        scope.required(c -> {
            SlaStore.setResolution(c, priority.trim(), resolution);
            recompute(c, new Recompute.Scope(Recompute.Kind.PRIORITY, priority.trim()));
            return null;
        });
    }

    /** @return the escalation rules, by position */
    public List<EscalationRule> rules() {
        access.require(CasesModule.VIEW);
        return scope.required(SlaStore::rules);
    }

    /**
     * @param id a rule
     * @return it
     * @throws NotFoundException for an unknown id
     */
    public EscalationRule rule(long id) {
        return rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Escalation rule", id));
    }

    /**
     * Creates (id 0) or changes a rule; it counts for cases from their next check (a change of a case or the sweep).
     *
     * @param rule the rule
     * @return it as stored
     */
    public EscalationRule saveRule(EscalationRule rule) {
        access.require(CasesModule.CONFIGURE);
        return scope.required(c -> {
            long id = SlaStore.saveRule(c, rule);
            if (id == 0) {
                throw new NotFoundException("Escalation rule", rule.id());
            }
            return new EscalationRule(id, rule.position(), rule.caseType(), rule.priority(), rule.trigger(),
                    rule.amount(), rule.repeatMinutes(), rule.maxLevel());
        });
    }

    /** @param id a rule */
    public void deleteRule(long id) {
        access.require(CasesModule.CONFIGURE);
        if (!scope.required(c -> SlaStore.deleteRule(c, id))) {
            throw new NotFoundException("Escalation rule", id);
        }
    }

    /**
     * Runs the sweep now, as the timer does.
     *
     * @return how many cases were escalated
     */
    public int sweepNow() {
        access.require(CasesModule.CONFIGURE);
        return callers.callAs(Caller.SYSTEM, this::sweep);
    }

    // ---- cases

    /**
     * Works a case's SLA out again in the caller's transaction ({@link SlaLifecycle}).
     *
     * @param c the change's connection
     * @param caseId the case
     * @throws SQLException on a database failure
     */
    void apply(Connection c, long caseId) throws SQLException {
        Optional<CaseSla> cs = SlaStore.caseSla(c, caseId);
        if (cs.isPresent()) {
            SlaEngine.apply(c, SlaSettings.load(c), cs.get(), clock.instant());
        }
    }

    /**
     * The cases in a status whose kind an administrator changed ({@code Cases.setStatusKind}) pause or resume their
     * clock as if they had just moved into it: the same {@link SlaEngine#apply} as a status change of the case.
     *
     * @param c the administrator's transaction
     * @param status the status
     * @throws SQLException on a database failure
     */
    @Override
    public void statusKindChanged(Connection c, String status) throws SQLException {
        access.require(CasesModule.CONFIGURE);
        recompute(c, new Recompute.Scope(Recompute.Kind.STATUS, status));
    }

    /** @return the recomputes under way (none when every change has reached all its cases) */
    public List<Pending> recomputes() {
        access.require(CasesModule.VIEW);
        return scope.required(SlaStore::recomputes);
    }

    /** Starts a recompute in the caller's transaction: its first batch now, the rest on the timer. */
    private void recompute(Connection c, Recompute.Scope what) throws SQLException {
        Instant now = clock.instant();
        Recompute.request(c, what, now);
        if (!Recompute.step(c, what, now, Recompute.BATCH)) {
            timers.schedule(RecomputeTimer.HANDLER, what.key(), now, "");
        }
    }

    /**
     * One batch of a recompute, in the timer's transaction ({@link RecomputeTimer}).
     *
     * @param key the scope's key
     * @return whether the scope is done
     */
    boolean recomputeStep(String key) {
        Optional<Recompute.Scope> what = Recompute.Scope.parse(key);
        if (what.isEmpty()) {
            LOG.warn("A recompute of SLA due times names nothing known: {}", key);
            scope.required(c -> {
                SlaStore.deleteRecompute(c, key);
                return null;
            });
            return true;
        }
        return scope.required(c -> Recompute.step(c, what.get(), clock.instant(), Recompute.BATCH));
    }

    /**
     * Schedules the timer of every recompute under way that has none pending (it failed its last attempt, or it was
     * cancelled): run by the sweep, so a recompute goes on at most a sweep period after such a loss.
     */
    void resumeRecomputes() {
        for (Pending pending : scope.required(SlaStore::recomputes)) {
            Optional<TimerInfo> timer = timers.find(RecomputeTimer.HANDLER, pending.scope());
            if (timer.isEmpty() || timer.get().state() == TimerState.FAILED) {
                LOG.info("The recompute of SLA due times for {} goes on after case {}", pending.scope(),
                        pending.afterId());
                timers.schedule(RecomputeTimer.HANDLER, pending.scope(), clock.instant(), "");
            }
        }
    }

    /**
     * One sweep, as the platform, in batches of {@value #SWEEP_BATCH} due cases read with their clocks in one query.
     * Each case is worked out in memory ({@link #plan}); those that only move on (state, due time, next check) are
     * written together in one transaction per batch, guarded by the values read ({@link SlaStore#writeSwept}: a case
     * changed meanwhile keeps its change and stays due for the next sweep). A case with an escalation level due (or
     * anything out of the ordinary) is looked at in a transaction of its own ({@link #check}), so an escalation
     * happens once and one failing case does not hold the others back; so are the batch's cases if its write fails.
     * Runs again until fewer than a batch were due.
     *
     * @return how many cases were escalated
     */
    int sweep() {
        int escalated = 0;
        for (int round = 0; round < 100; round++) {
            Instant now = clock.instant();
            List<SlaStore.Due> due = scope.required(c -> SlaStore.dueCases(c, now, SWEEP_BATCH));
            SlaSettings settings = scope.required(SlaSettings::load);
            Plan plan = plan(settings, due, now);
            List<Long> oneByOne = new ArrayList<>(plan.oneByOne());
            if (!plan.swept().isEmpty()) {
                try {
                    scope.requiresNew(c -> SlaStore.writeSwept(c, plan.swept()));
                } catch (RuntimeException e) {
                    LOG.warn("The SLA of {} cases could not be written together, each is checked on its own: {}",
                            plan.swept().size(), e.getMessage(), e);
                    plan.swept().forEach(s -> oneByOne.add(s.due().clock().caseId()));
                }
            }
            EscalationTargets targets = oneByOne.isEmpty() && plan.escalating().isEmpty() ? null
                    : new EscalationTargets(security.roles(), security.users());
            int failed = 0;
            for (Escalating e : plan.escalating()) {
                try {
                    if (scope.requiresNew(c -> escalate(c, targets, e, now))) {
                        escalated++;
                    }
                } catch (RuntimeException ex) {
                    failed++;
                    LOG.warn("The SLA of case {} could not be checked: {}", e.due().clock().caseId(), ex.getMessage(),
                            ex);
                }
            }
            for (long id : oneByOne) {
                try {
                    if (scope.requiresNew(c -> check(c, settings, targets, id, now))) {
                        escalated++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("The SLA of case {} could not be checked: {}", id, e.getMessage(), e);
                }
            }
            if (due.size() < SWEEP_BATCH || failed == due.size()) {
                break;
            }
        }
        return escalated;
    }

    /**
     * What a sweep does with a batch of due cases.
     *
     * @param swept the cases that only move on, to write together
     * @param escalating the cases with an escalation level due, each escalated in a transaction of its own
     * @param oneByOne the cases to look at one by one, read again in a transaction of their own: a case gone or
     *     without an SLA, a clock standing still
     */
    record Plan(List<SlaStore.Swept> swept, List<Escalating> escalating, List<Long> oneByOne) {
    }

    /**
     * A case with an escalation level due.
     *
     * @param due the case and clock as read
     * @param applied its SLA worked out
     */
    record Escalating(SlaStore.Due due, SlaEngine.Applied applied) {
    }

    /**
     * Works a batch of due cases out in memory with the same code as a change of a case ({@link SlaEngine#compute},
     * {@link SlaEngine#nextCheck}).
     *
     * @param settings the settings
     * @param due the cases as read
     * @param now the current time
     * @return what to write together, what to escalate and what to look at one by one
     */
    static Plan plan(SlaSettings settings, List<SlaStore.Due> due, Instant now) {
        List<SlaStore.Swept> swept = new ArrayList<>();
        List<Escalating> escalating = new ArrayList<>();
        List<Long> oneByOne = new ArrayList<>();
        for (SlaStore.Due d : due) {
            Optional<SlaEngine.Applied> applied = d.cs().isEmpty() || d.clock().pausedSince().isPresent()
                    ? Optional.empty() : SlaEngine.compute(settings, d.cs().get(), Optional.of(d.clock()), now);
            if (applied.isEmpty()) {
                oneByOne.add(d.clock().caseId());
                continue;
            }
            int level = d.cs().get().level();
            Optional<Instant> escalation = applied.get().nextEscalation(level);
            if (escalation.isPresent() && !escalation.get().isAfter(now)) {
                escalating.add(new Escalating(d, applied.get()));
                continue;
            }
            swept.add(new SlaStore.Swept(d, applied.get().calendar().id(), applied.get().clock(),
                    SlaEngine.nextCheck(applied.get(), level, now), applied.get().state()));
        }
        return new Plan(swept, escalating, oneByOne);
    }

    /**
     * Escalates a case the sweep read and worked out ({@link #plan}), in the caller's transaction of its own: its state
     * and clock written with the batch's guard on the values read ({@link SlaStore#writeSwept}, which locks both), then
     * the level moved by the conditional UPDATE from the level read, the escalation row, the audit entry and the
     * channels. A case changed since the read is left to the next sweep; a second sweep of the same case finds the
     * clock or the level moved and does nothing.
     *
     * @return whether it escalated
     */
    private boolean escalate(Connection c, EscalationTargets targets, Escalating e, Instant now) throws SQLException {
        CaseSla cs = e.due().cs().orElseThrow();
        SlaEngine.Applied applied = e.applied();
        long id = cs.id();
        int level = cs.level() + 1;
        String responsible = cs.responsible().isEmpty() ? cs.owner() : cs.responsible();
        Optional<EscalationTargets.Target> target = targets.of(responsible, level);
        if (target.isEmpty()) {
            // nobody above: the case keeps its level and is looked at again when its state changes
            LOG.debug("Case {} is due for escalation level {} but {} has nobody above at that level", id, level,
                    responsible);
            SlaStore.writeSwept(c, List.of(new SlaStore.Swept(e.due(), applied.calendar().id(), applied.clock(),
                    SlaEngine.nextCheck(applied, EscalationRule.MAX_LEVEL, now), applied.state())));
            return false;
        }
        if (SlaStore.writeSwept(c, List.of(new SlaStore.Swept(e.due(), applied.calendar().id(), applied.clock(),
                SlaEngine.nextCheck(applied, level, now), applied.state()))) == 0) {
            return false; // changed since the read, or escalated by another sweep
        }
        if (!SlaStore.moveLevel(c, id, cs.level(), level)) {
            // the guarded write found the level read and holds the case: not expected; roll it all back
            throw new IllegalStateException("The escalation level of case " + id + " moved during its escalation");
        }
        escalated(c, cs, level, target.get(), responsible, applied.clock().dueAt(), now);
        return true;
    }

    /** The escalation's row, audit entry and channels, after the level moved, in its transaction. */
    private void escalated(Connection c, CaseSla cs, int level, EscalationTargets.Target to, String responsible,
            Instant dueAt, Instant now) throws SQLException {
        long id = cs.id();
        SlaStore.insertEscalation(c, id, level, now, to.role().name(), to.users());
        String who = to.role().name() + ": " + String.join(", ", to.users());
        audit.record(new RecordChange(CasesModule.ID, CaseFields.RECORD_TYPE, id, cs.label(), cs.owner(),
                AuditAction.UPDATE, Map.of(CaseFields.ESCALATION_LEVEL, cs.level(), "escalatedTo", ""),
                Map.of(CaseFields.ESCALATION_LEVEL, level, "escalatedTo", "Level " + level + " to " + who)));
        EscalationChannel.Escalation escalation = new EscalationChannel.Escalation(id, cs.label(), level,
                to.role().name(), to.users(), responsible, dueAt, EscalationChannel.Escalation.key(id, level));
        for (EscalationChannel channel : channels) {
            channel.escalated(escalation);
        }
        LOG.info("Case {} escalated to level {} ({})", cs.label(), level, who);
    }

    /** Looks at one case: its state now, and the next escalation level if it is due. @return whether it escalated */
    private boolean check(Connection c, SlaSettings settings, EscalationTargets targets, long id, Instant now)
            throws SQLException {
        Optional<CaseSla> found = SlaStore.caseSla(c, id);
        if (found.isEmpty()) {
            SlaStore.deleteClock(c, id);
            return false;
        }
        CaseSla cs = found.get();
        Optional<SlaEngine.Applied> applied = SlaEngine.apply(c, settings, cs, now);
        if (applied.isEmpty()) {
            return false;
        }
        int level = cs.level() + 1;
        Optional<Instant> at = applied.get().nextEscalation(cs.level());
        if (at.isEmpty() || at.get().isAfter(now)) {
            return false;
        }
        String responsible = cs.responsible().isEmpty() ? cs.owner() : cs.responsible();
        Optional<EscalationTargets.Target> target = targets.of(responsible, level);
        if (target.isEmpty()) {
            // nobody above: the case keeps its level and is looked at again when its state changes
            LOG.debug("Case {} is due for escalation level {} but {} has nobody above at that level", id, level,
                    responsible);
            SlaEngine.store(c, new CaseSla(cs.id(), cs.caseType(), cs.priority(), cs.status(), cs.responsible(),
                    cs.owner(), cs.number(), cs.subject(), cs.slaState(), EscalationRule.MAX_LEVEL, cs.createdAt()),
                    applied.get(), now);
            return false;
        }
        if (!SlaStore.moveLevel(c, id, cs.level(), level)) {
            return false;
        }
        SlaEngine.store(c, new CaseSla(cs.id(), cs.caseType(), cs.priority(), cs.status(), cs.responsible(),
                cs.owner(), cs.number(), cs.subject(), applied.get().state(), level, cs.createdAt()), applied.get(),
                now);
        escalated(c, cs, level, target.get(), responsible, applied.get().clock().dueAt(), now);
        return true;
    }

    /**
     * @param zone a time zone id
     * @return it, for messages about a zone that does not exist
     */
    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.trim());
        } catch (RuntimeException e) {
            throw invalid("zone", "'" + zone + "' is not a time zone such as Europe/Madrid or UTC.");
        }
    }

    static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    /** @return the errors of IllegalArgumentException messages, as the settings' records throw them */
    static ValidationException invalid(String field, IllegalArgumentException e) {
        return invalid(field, e.getMessage());
    }
}
