package org.tesseracrm.reports.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportInput;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.ScheduleInput;
import org.tesseracrm.reports.api.ShareTarget;
import org.tesseracrm.reports.api.Sharing;
import org.tesseracrm.reports.internal.export.ResultWriter;
import org.tesseracrm.reports.internal.store.ReportStore;
import org.tesseracrm.reports.internal.store.Viewer;

/**
 * The reports service. Every method first checks the caller's permission, then reads as the caller: the figures come
 * from {@link Records#aggregate}, which applies the record type's {@code <module>.view} and the caller's record
 * visibility, so two users running the same report see their own numbers. Results are kept in a
 * {@link ResultCache} per report, caller and period for {@value #CACHE_SECONDS} seconds and dropped on record events
 * of the report's type (this component handles the record topics). Contributed reports ({@link ReportSource}) are
 * called through the kernel's {@link SafeCaller}: a failing one is refused with an error id, logged and listed as
 * degraded, and takes nothing else down.
 */
@Component(service = {Reports.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + RecordEvents.ALL_TOPICS)
public class ReportsImpl implements Reports, EventHandler {
    /** How long a result is kept at most. */
    static final int CACHE_SECONDS = 60;
    /** The timer handler of e-mail schedules. */
    public static final String SCHEDULE_HANDLER = "reports.schedule";
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final Records records;
    private final CustomFields customFields;
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final UserSettings settings;
    private final SecurityAdmin security;
    private final SafeCaller safe;
    private final Timers timers;
    private final Clock clock;
    private final ResultCache cache;
    private final Map<String, ReportSource> sources = new ConcurrentHashMap<>();
    /** How long the users' roles and groups are reused for the sharing rules. */
    static final int DIRECTORY_SECONDS = 30;
    private volatile Directory directory;

    /**
     * @param records the figures, read as the caller
     * @param customFields the fields of each record type, read as the caller
     * @param access the caller's permissions
     * @param callers runs checks as a recipient or as the system
     * @param scope the transactions of the module's tables
     * @param settings the caller's time zone and locale
     * @param security users, roles and groups (read as the system for the sharing rules)
     * @param safe guards calls of contributed reports
     * @param timers the e-mail schedules
     */
    @Activate
    public ReportsImpl(@Reference Records records, @Reference CustomFields customFields,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference UserSettings settings, @Reference SecurityAdmin security, @Reference SafeCaller safe,
            @Reference Timers timers) {
        this(records, customFields, access, callers, scope, settings, security, safe, timers, Clock.systemUTC());
    }

    ReportsImpl(Records records, CustomFields customFields, AccessControl access, CallerContext callers,
            TransactionScope scope, UserSettings settings, SecurityAdmin security, SafeCaller safe, Timers timers,
            Clock clock) {
        this.records = records;
        this.customFields = customFields;
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.settings = settings;
        this.security = security;
        this.safe = safe;
        this.timers = timers;
        this.clock = clock;
        this.cache = new ResultCache(clock, Duration.ofSeconds(CACHE_SECONDS));
    }

    /** @param source a contributed report */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(ReportSource source) {
        safe.call(source, "id", source::id).ifPresent(id -> sources.put(id, source));
        cache.invalidate(ResultCache.ANY_TYPE);
    }

    /** @param source a contributed report going away */
    void removeSource(ReportSource source) {
        sources.values().removeIf(s -> s == source);
        cache.invalidate(ResultCache.ANY_TYPE);
    }

    /** Drops the cached results a record change makes stale. */
    @Override
    public void handleEvent(Event event) {
        Object type = event.getProperty(RecordEvents.TYPE);
        if (type instanceof String recordType) {
            cache.invalidate(recordType);
        }
    }

    /** @return the result cache (tests) */
    ResultCache cache() {
        return cache;
    }

    @Override
    public List<ReportInfo> list() {
        access.require(VIEW);
        Viewer viewer = viewer();
        List<ReportInfo> all = new ArrayList<>();
        for (Report r : scope.required(c -> ReportStore.visible(c, viewer))) {
            all.add(new ReportInfo(r.key(), r.name(), r.description(), r.owner(), !viewer.mayChange(r),
                    r.spec().chart(), r.spec().recordType(), !r.sharing().isPrivate()));
        }
        for (ReportSource source : usableSources()) {
            safe.call(source, "describe", () -> new ReportInfo(ReportInfo.SOURCE_PREFIX + source.id(),
                    source.title(), source.description(), "", true, source.chart(), "", true)).ifPresent(all::add);
        }
        all.sort(Comparator.comparing((ReportInfo i) -> i.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(ReportInfo::key));
        return all;
    }

    @Override
    public Report get(long id) {
        access.require(VIEW);
        return seen(id, viewer());
    }

    @Override
    public Report save(ReportInput input) {
        Caller caller = access.require(BUILD);
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("report", "Send the report to save")));
        }
        Sharing sharing = input.sharing() == null ? Sharing.PRIVATE : input.sharing();
        if (!sharing.isPrivate()) {
            access.require(SHARE);
        }
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        String description = input.description() == null ? "" : input.description().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "Enter a name of 1 to " + MAX_NAME + " characters"));
        }
        if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "At most " + MAX_DESCRIPTION + " characters"));
        }
        if (input.spec() == null) {
            errors.add(new FieldError("spec", "Say what the report computes"));
        } else {
            errors.addAll(SpecCheck.errors(input.spec(), fieldsLookup()));
        }
        errors.addAll(sharingErrors(sharing));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        Report saved;
        if (input.id() == 0) {
            saved = scope.required(c -> ReportStore.insert(c, caller.username(), name, description, input.spec(),
                    sharing, now));
        } else {
            Report old = changeable(input.id(), "change it; save a copy instead");
            saved = scope.required(c -> ReportStore.update(c, input.id(), input.version(), name, description,
                    input.spec(), sharing, now)).orElseThrow(() -> new ConflictException("The report " + old.name()
                            + " was changed meanwhile; open it again and redo your change."));
        }
        cache.invalidateReport(saved.key());
        return saved;
    }

    @Override
    public void delete(long id, long version) {
        access.require(BUILD);
        Report report = changeable(id, "delete it");
        if (!scope.required(c -> ReportStore.delete(c, id, version))) {
            throw new ConflictException("The report " + report.name() + " was changed meanwhile; open it again.");
        }
        timers.cancel(SCHEDULE_HANDLER, report.key());
        cache.invalidateReport(report.key());
    }

    @Override
    public ReportResult run(String key, Optional<Period> period) {
        Caller caller = access.require(VIEW);
        Optional<Period> when = period == null ? Optional.empty() : period;
        RegionalSettings regional = settings.regional();
        ResultCache.Key cacheKey = new ResultCache.Key(key, caller.username(), when,
                regional.zone() + "|" + regional.locale());
        if (key != null && key.startsWith(ReportInfo.SOURCE_PREFIX)) {
            ReportSource source = source(key);
            return cache.get(cacheKey, ResultCache.ANY_TYPE, () -> {
                ReportResult result = safe.require(source, "run", () -> source.run(context(when, regional)));
                if (result == null) {
                    throw new CrmException("The report " + key + " gave no result.");
                }
                return result;
            });
        }
        Report report = seen(reportId(key), viewer());
        return cache.get(cacheKey, report.spec().recordType(),
                () -> compute(report.name(), report.spec(), when, regional.zone()));
    }

    @Override
    public ReportResult preview(ReportSpec spec, Optional<Period> period) {
        access.require(VIEW);
        if (spec == null) {
            throw new ValidationException(List.of(new FieldError("spec", "Say what the report computes")));
        }
        return compute("Preview", spec, period == null ? Optional.empty() : period, settings.regional().zone());
    }

    @Override
    public Drill drill(String key, List<Optional<String>> rowKeys, Optional<Period> period) {
        access.require(VIEW);
        Optional<Period> when = period == null ? Optional.empty() : period;
        List<Optional<String>> keys = rowKeys == null ? List.of() : rowKeys;
        if (key != null && key.startsWith(ReportInfo.SOURCE_PREFIX)) {
            ReportSource source = source(key);
            RegionalSettings regional = settings.regional();
            return safe.require(source, "drill", () -> source.drill(context(when, regional), keys))
                    .orElseThrow(() -> new ValidationException(List.of(new FieldError("key",
                            "This report has no records to list behind its rows"))));
        }
        Report report = seen(reportId(key), viewer());
        ReportSpec spec = report.spec();
        if (keys.size() != spec.groups().size()) {
            throw new ValidationException(List.of(new FieldError("keys", "A row of this report has "
                    + spec.groups().size() + " group values")));
        }
        Function<String, Map<String, FieldDefinition>> fields = fieldsLookup();
        SpecCheck.check(spec, fields);
        List<Filter> filters = filters(spec, fields.apply(spec.recordType()), when, settings.regional().zone());
        filters.addAll(records.aggregateFilters(spec.recordType(), spec.groups(), keys));
        return new Drill(spec.recordType(), Optional.of(spec.text()), filters);
    }

    @Override
    public int export(String key, ExportFormat format, Optional<Period> period, OutputStream out) {
        access.require(VIEW);
        if (format == null || out == null) {
            throw new ValidationException(List.of(new FieldError("format", "Choose xlsx or csv")));
        }
        ReportResult result = run(key, period);
        try {
            return ResultWriter.write(result, format, out);
        } catch (IOException e) {
            throw new CrmException("The report could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public Schedule schedule(long id) {
        access.require(VIEW);
        Report report = seen(id, viewer());
        return scope.required(c -> ReportStore.schedule(c, report.id())).orElse(new Schedule(report.id(),
                Frequency.NONE, ExportFormat.XLSX, Set.of(), Optional.empty()));
    }

    @Override
    public Schedule schedule(long id, ScheduleInput input) {
        access.require(SHARE);
        Report report = changeable(id, "schedule it");
        if (input == null || input.frequency() == null) {
            throw new ValidationException(List.of(new FieldError("frequency", "Choose how often: none, daily, "
                    + "weekly or monthly")));
        }
        ExportFormat format = input.format() == null ? ExportFormat.XLSX : input.format();
        if (input.frequency() == Frequency.NONE) {
            Schedule none = new Schedule(id, Frequency.NONE, format, Set.of(), Optional.empty());
            scope.required(c -> {
                ReportStore.putSchedule(c, none);
                return null;
            });
            timers.cancel(SCHEDULE_HANDLER, report.key());
            return none;
        }
        List<FieldError> errors = recipientErrors(report, input.recipients());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ZoneId zone = settings.regional().zone();
        Instant next = Schedules.next(input.frequency(), clock.instant(), zone);
        Schedule schedule = new Schedule(id, input.frequency(), format, input.recipients(), Optional.of(next));
        scope.required(c -> {
            ReportStore.putSchedule(c, schedule);
            timers.schedule(SCHEDULE_HANDLER, report.key(), next, zone.getId());
            return null;
        });
        return schedule;
    }

    /**
     * @param report a report
     * @param username a user
     * @return whether that user may see it: active, with {@code reports.view}, reached by the report's sharing
     */
    boolean maySee(Report report, String username) {
        return callers.callAs(new Caller(username), () -> access.permitted(VIEW) && viewer().sees(report));
    }

    private List<FieldError> recipientErrors(Report report, Set<String> recipients) {
        List<FieldError> errors = new ArrayList<>();
        if (recipients.isEmpty() || recipients.size() > Schedule.MAX_RECIPIENTS) {
            errors.add(new FieldError("recipients", "Choose 1 to " + Schedule.MAX_RECIPIENTS + " recipients"));
            return errors;
        }
        Map<String, UserInfo> users = asSystem(() -> security.users().stream()
                .collect(Collectors.toMap(UserInfo::username, u -> u, (a, b) -> a)));
        for (String name : recipients) {
            UserInfo user = users.get(name);
            if (user == null || !user.active()) {
                errors.add(new FieldError("recipients", name + " is not an active user"));
            } else if (user.email() == null || user.email().isBlank()) {
                errors.add(new FieldError("recipients", name + " has no e-mail address"));
            } else if (!maySee(report, name)) {
                errors.add(new FieldError("recipients", name + " may not see this report: share it with them first"));
            }
        }
        return errors;
    }

    private List<FieldError> sharingErrors(Sharing sharing) {
        if (sharing.roles().isEmpty() && sharing.groups().isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> roles = asSystem(() -> security.roles().stream().map(r -> String.valueOf(r.id()))
                .collect(Collectors.toSet()));
        Set<String> groups = asSystem(() -> security.groups().stream().map(g -> String.valueOf(g.id()))
                .collect(Collectors.toSet()));
        sharing.roles().stream().filter(r -> !roles.contains(r)).forEach(r -> errors.add(new FieldError(
                "sharing.roles", "There is no role with id " + r)));
        sharing.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> errors.add(new FieldError(
                "sharing.groups", "There is no group with id " + g)));
        return errors;
    }

    @Override
    public List<ShareTarget> shareTargets() {
        access.require(SHARE);
        return asSystem(() -> {
            List<ShareTarget> targets = new ArrayList<>();
            for (RoleInfo r : security.roles()) {
                targets.add(new ShareTarget(ShareTarget.ROLE, String.valueOf(r.id()), r.name()));
            }
            for (GroupInfo g : security.groups()) {
                targets.add(new ShareTarget(ShareTarget.GROUP, String.valueOf(g.id()), g.name()));
            }
            targets.sort(Comparator.comparing(ShareTarget::kind).reversed()
                    .thenComparing(t -> t.name().toLowerCase(java.util.Locale.ROOT)));
            return targets;
        });
    }

    private ReportResult compute(String title, ReportSpec spec, Optional<Period> period, ZoneId zone) {
        Function<String, Map<String, FieldDefinition>> fields = fieldsLookup();
        SpecCheck.check(spec, fields);
        Map<String, FieldDefinition> own = fields.apply(spec.recordType());
        List<Filter> filters = filters(spec, own, period, zone);
        RecordQuery query = new RecordQuery(0, 1, List.of(), Optional.of(spec.text()), filters);
        List<AggregateRow> rows = records.aggregate(spec.recordType(), query, spec.groups(), spec.measures());
        List<String> groupHeaders = new ArrayList<>();
        for (Grouping g : spec.groups()) {
            groupHeaders.add(SpecCheck.header(g, own, fields));
        }
        List<String> measureHeaders = spec.measures().stream().map(m -> SpecCheck.header(m, own, fields)).toList();
        return new ReportResult(title, groupHeaders, measureHeaders, SpecCheck.order(rows, spec.sort(), spec.limit()),
                Optional.empty(), Optional.of(spec.recordType()));
    }

    private static List<Filter> filters(ReportSpec spec, Map<String, FieldDefinition> own, Optional<Period> period,
            ZoneId zone) {
        List<Filter> filters = new ArrayList<>(spec.filters());
        if (period.isPresent() && spec.periodField().isPresent()) {
            FieldDefinition field = own.get(spec.periodField().get());
            if (field != null) {
                filters.add(SpecCheck.periodFilter(field, period.get(), zone));
            }
        }
        return filters;
    }

    /** @return the fields of record types by name, read once per call as the caller; empty for an unknown type */
    private Function<String, Map<String, FieldDefinition>> fieldsLookup() {
        Map<String, Map<String, FieldDefinition>> read = new HashMap<>();
        return type -> read.computeIfAbsent(type, t -> {
            try {
                Map<String, FieldDefinition> byName = new LinkedHashMap<>();
                customFields.fields(t).forEach(f -> byName.put(f.name(), f));
                return byName;
            } catch (NotFoundException e) {
                return Map.of();
            }
        });
    }

    private ReportContext context(Optional<Period> period, RegionalSettings regional) {
        return new ReportContext(period, regional.zone(), regional.locale(), records);
    }

    private List<ReportSource> usableSources() {
        return sources.values().stream()
                .filter(s -> safe.call(s, "permission", s::permission).orElse(Optional.empty())
                        .map(access::permitted).orElse(true))
                .toList();
    }

    private ReportSource source(String key) {
        ReportSource source = sources.get(key.substring(ReportInfo.SOURCE_PREFIX.length()));
        if (source == null) {
            throw new NotFoundException("Report", key);
        }
        Optional<String> permission = safe.call(source, "permission", source::permission).orElse(Optional.empty());
        permission.ifPresent(access::require);
        return source;
    }

    private static long reportId(String key) {
        if (key != null && key.startsWith(ReportInfo.REPORT_PREFIX)) {
            try {
                return Long.parseLong(key.substring(ReportInfo.REPORT_PREFIX.length()));
            } catch (NumberFormatException e) {
                // an unknown key, below
            }
        }
        throw new NotFoundException("Report", key);
    }

    /**
     * @param id a saved report
     * @param what what the caller wants to do, for the refusal ("delete it")
     * @return the report, which the caller sees and may change (owner or admin)
     */
    private Report changeable(long id, String what) {
        Viewer viewer = viewer();
        Report report = seen(id, viewer);
        if (!viewer.mayChange(report)) {
            throw new PermissionDeniedException("Only the owner of the report " + report.name()
                    + " or a reports admin may " + what + ".");
        }
        return report;
    }

    private Report seen(long id, Viewer viewer) {
        return scope.required(c -> ReportStore.get(c, id)).filter(viewer::sees)
                .orElseThrow(() -> new NotFoundException("Report", id));
    }

    /** @return the caller as the sharing rules see them (role and groups read as the system) */
    private Viewer viewer() {
        Caller caller = access.require(VIEW);
        boolean admin = access.permitted(ADMIN);
        Optional<UserInfo> user = user(caller.username());
        return new Viewer(caller.username(), user.map(UserInfo::roleId).map(String::valueOf),
                user.map(u -> u.groupIds().stream().map(String::valueOf).collect(Collectors.toSet())).orElse(Set.of()),
                admin);
    }

    /**
     * The users' roles and groups, read as the system at most every {@value #DIRECTORY_SECONDS} seconds (a dashboard
     * runs several reports at once) and again at once for a user not in it yet.
     *
     * @param username a user name
     * @return that user
     */
    private Optional<UserInfo> user(String username) {
        Directory known = directory;
        Instant now = clock.instant();
        if (known == null || known.read().plusSeconds(DIRECTORY_SECONDS).isBefore(now)
                || !known.users().containsKey(username)) {
            known = new Directory(now, asSystem(() -> security.users().stream()
                    .collect(Collectors.toMap(UserInfo::username, u -> u, (a, b) -> a))));
            directory = known;
        }
        return Optional.ofNullable(known.users().get(username));
    }

    /** The users by name, as read at a time. */
    private record Directory(Instant read, Map<String, UserInfo> users) {
    }

    private <T> T asSystem(java.util.function.Supplier<T> work) {
        return callers.callAs(Caller.SYSTEM, work);
    }
}
