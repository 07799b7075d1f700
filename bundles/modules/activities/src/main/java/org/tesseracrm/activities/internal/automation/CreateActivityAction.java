package org.tesseracrm.activities.internal.automation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.activities.internal.service.ActivityRecordType;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The workflow action "Create an activity" ({@value #ID}, the seed's action dialog, see {@link ActivityDialog}): an
 * activity on the rule's record (on the record a meeting belongs to, when the rule's record is itself an activity)
 * with its deadline from {@link Deadlines}, written through the activities service and so the record platform
 * (permission checks of {@code Caller.SYSTEM}, audit, record events). A durable timer ({@link LateActivities}) marks
 * it late at its due time if it is still open then. The creation permission "groups" skips records whose owner is in
 * none of the chosen groups (the kernel's user administration says who is in which group).
 */
@Component(service = Action.class, property = Action.ID + "=" + CreateActivityAction.ID)
public class CreateActivityAction implements Action {
    /** The action's id. */
    public static final String ID = "activities.create";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Scheduler activities;
    private final Records records;
    private final Timers timers;
    private final SecurityAdmin users;
    private final Map<String, BusinessHours> calendars = new ConcurrentHashMap<>();
    private volatile UserSettings settings;

    /**
     * @param activities writes the activity through the record platform
     * @param records reads the rule's record
     * @param timers the durable timer that marks the activity late
     * @param users the groups of the record's owner
     */
    @Activate
    public CreateActivityAction(@Reference ActivityService activities, @Reference Records records,
            @Reference Timers timers, @Reference SecurityAdmin users) {
        this((type, id, values) -> activities.schedule(type, id, values, List.of()).id(), records, timers, users);
    }

    CreateActivityAction(Scheduler activities, Records records, Timers timers, SecurityAdmin users) {
        this.activities = activities;
        this.records = records;
        this.timers = timers;
        this.users = users;
    }

    /** @param settings users' time zones, in which days, weeks and months count */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSettings(UserSettings settings) {
        this.settings = settings;
    }

    void unsetSettings(UserSettings old) {
        if (settings == old) {
            settings = null;
        }
    }

    /**
     * @param hours a business hours calendar
     * @param properties its service properties, with its name
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCalendar(BusinessHours hours, Map<String, Object> properties) {
        Object name = properties.get(BusinessHours.NAME);
        if (name != null) {
            calendars.put(name.toString(), hours);
        }
    }

    void removeCalendar(BusinessHours hours, Map<String, Object> properties) {
        Object name = properties.get(BusinessHours.NAME);
        if (name != null) {
            calendars.remove(name.toString(), hours);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Create an activity";
    }

    @Override
    public List<Parameter> parameters() {
        return ActivityDialog.PARAMETERS;
    }

    @Override
    public ActionResult run(ActionContext context) {
        ActivityDialog dialog = ActivityDialog.read(context.config());
        Optional<RecordRow> found = records.get(context.recordType(), context.recordId());
        if (found.isEmpty()) {
            return ActionResult.skipped("The record " + context.recordType() + " #" + context.recordId()
                    + " is gone.");
        }
        RecordRow record = found.get();
        String owner = record.text("owner");
        if (!dialog.appliesTo(groupsOf(owner))) {
            return ActionResult.skipped("The record's owner " + (owner.isEmpty() ? "(none)" : owner)
                    + " is in none of the groups " + String.join(", ", dialog.groups()) + ".");
        }
        String assignee = dialog.assignee().orElse(owner);
        if (assignee.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("assignee",
                    "The record has no owner: choose an assignee.")));
        }
        Optional<Object> recordDate = dialog.dueField().map(field -> record.value(field).orElse(null));
        if (dialog.dueField().isPresent() && recordDate.isEmpty()) {
            return ActionResult.skipped("The record has no " + dialog.dueField().get() + ".");
        }
        ZoneId zone = zoneOf(assignee);
        Optional<BusinessHours> hours = dialog.businessHours() ? Optional.ofNullable(calendars.get(dialog.calendar()))
                : Optional.empty();
        Instant start = context.event().at();
        Deadlines.Deadline deadline = dialog.deadline(start, recordDate, zone, hours);
        RecordRef on = relatedRecord(context.recordType(), record);
        RecordValues.Builder values = RecordValues.builder().set("kind", dialog.kind().id())
                .set("subject", dialog.subject()).set("dueAt", utc(deadline.due())).set("owner", assignee)
                .set("description", dialog.notes());
        deadline.notifyAt().ifPresent(at -> values.set("remindAt", utc(at)));
        long activity = activities.schedule(on.recordType(), on.id(), values.build());
        timers.schedule(LateActivities.HANDLER, Long.toString(activity), deadline.due(), "");
        String calendarNote = !dialog.businessHours() ? ""
                : hours.isPresent() ? " (business hours " + dialog.calendar() + ")"
                : " (no business hours calendar " + dialog.calendar() + " installed: clock time)";
        return ActionResult.created("Created " + dialog.kind().id() + " \"" + dialog.subject() + "\" for " + assignee
                + " due " + SHOWN.format(deadline.due().atZone(zone)) + " " + zone.getId() + calendarNote,
                new RecordRef(ActivityRecordType.ID, activity, dialog.subject()));
    }

    /** Schedules an activity on a record, as the activities service does: the seam for unit tests. */
    @FunctionalInterface
    interface Scheduler {
        /**
         * @param recordType the record's type
         * @param id the record
         * @param values the activity's fields
         * @return the new activity's id
         */
        long schedule(String recordType, long id, RecordValues values);
    }

    /**
     * @return the record the activity belongs to: the rule's record, or for an activity (a meeting that was
     *     scheduled) the record it belongs to, so the new activity shows on the same customer
     */
    static RecordRef relatedRecord(String recordType, RecordRow record) {
        Optional<java.math.BigDecimal> relatedId = ActivityRecordType.ID.equals(recordType)
                ? record.decimal("relatedId") : Optional.empty();
        if (relatedId.isPresent() && !record.text("relatedType").isEmpty()) {
            return new RecordRef(record.text("relatedType"), relatedId.get().longValueExact(), "");
        }
        return new RecordRef(recordType, record.id(), "");
    }

    private Set<String> groupsOf(String owner) {
        if (owner.isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = users.users().stream().filter(u -> u.username().equals(owner)).findFirst()
                .map(UserInfo::groupIds).orElse(Set.of());
        if (ids.isEmpty()) {
            return Set.of();
        }
        return users.groups().stream().filter(g -> ids.contains(g.id())).map(GroupInfo::name)
                .collect(Collectors.toSet());
    }

    private ZoneId zoneOf(String username) {
        UserSettings current = settings;
        if (current == null) {
            return ZoneOffset.UTC;
        }
        try {
            return current.regional(username).zone();
        } catch (RuntimeException e) { // an unknown user: the platform refuses the activity with its message
            return ZoneOffset.UTC;
        }
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
