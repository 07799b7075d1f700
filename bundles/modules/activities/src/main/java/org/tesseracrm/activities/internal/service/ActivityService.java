package org.tesseracrm.activities.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.RowDecoration.Mark;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * What users do with activities: schedule them on a record of any type, list a record's activities
 * and their own, complete, snooze and dismiss, join video meetings and check in. Every method checks
 * the caller's permission and record visibility first. Activities are records of the record platform
 * ({@link Records}), read and written only through it with typed values ({@link RecordValues}, {@link Activity#of}):
 * it validates them with {@link ActivityRules}, keeps their history, guards against lost updates and names the
 * records they refer to for the caller ({@link ActivityReferenceTitles}). The module's own SQL selects which
 * activities a list shows, in which order (a record's, the caller's group's, the due reminders), and keeps the
 * module's child tables, participants and check-ins, in the same transaction ({@link TransactionScope}).
 *
 * <p>What happens to activities when a record is merged or deleted is {@link ActivityLifecycle}'s part.
 */
@Component(service = ActivityService.class, configurationPid = ActivitiesConfig.PID)
public class ActivityService {
    /** Fewer typed characters than this find no participants (R-ACT-1). */
    public static final int PARTICIPANT_MIN_CHARS = 3;
    /** The most activities {@link #mine} and {@link #of} return. */
    public static final int LIST_LIMIT = 200;

    /** Where check-ins take their ids (a row of the module's generator table). */
    private static final IdGenerator CHECKIN_IDS = new IdGenerator("ACTIVITIES_ID_GEN", "GEN_NAME", "GEN_VALUE", "CHECKIN");

    /** What completing an activity writes: done, and no reminder any more. */
    private static final RecordValues COMPLETED = RecordValues.builder().set("done", true).clear("remindAt").build();

    private final Records records;
    private final AccessControl access;
    private final DataSource dataSource;
    private final TransactionScope scope;
    private final AuditTrail audit;
    private final ActivityTitles titles;
    private final RecordTypes types;
    private volatile DueFlags flags;

    /**
     * @param records writes activities, and reads the records they belong to
     * @param access the caller's permissions and visibility
     * @param dataSource the CRM database
     * @param scope the one transaction scope, for changes of several steps
     * @param schema the module's tables, so nothing runs before they exist
     * @param config the due flags' threshold
     * @param audit the records' history, which shows their check-ins
     * @param types the installed record types, which activities may belong to
     */
    @Activate
    public ActivityService(@Reference Records records, @Reference AccessControl access,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource, @Reference TransactionScope scope,
            @Reference(target = "(crm.schema.bundle=org.tesseracrm.activities)")
            org.tesseracrm.kernel.api.persistence.MigratedSchema schema, ActivitiesConfig config,
            @Reference AuditTrail audit, @Reference RecordTypes types) {
        this.audit = audit;
        this.types = types;
        this.records = records;
        this.access = access;
        this.dataSource = dataSource;
        this.scope = scope;
        this.titles = new ActivityTitles(records, dataSource);
        modified(config);
    }

    @Modified
    void modified(ActivitiesConfig config) {
        flags = new DueFlags(Duration.ofHours(Math.max(1, config.dueSoonHours())));
    }

    /**
     * @param due when an open activity is due (UTC)
     * @return its due flag now, with the configured "due soon" threshold
     */
    public Optional<Mark> flag(LocalDateTime due) {
        return flags.flag(Optional.of(due.toInstant(ZoneOffset.UTC)), Instant.now());
    }

    /**
     * @param recordType a record type id
     * @param id a record the caller sees
     * @return the record's activities the caller sees, those it belongs to and those it takes part in:
     *     open ones first by due time, then done ones, newest first
     */
    public List<Activity> of(String recordType, long id) {
        access.require(ActivitiesModule.VIEW);
        title(recordType, id);
        Visibility visibility = access.visibility();
        List<Object> params = new ArrayList<>(List.of(recordType, id, recordType, id));
        String sql = "SELECT ID FROM CRM_ACTIVITY WHERE ((RELATED_TYPE = ? AND RELATED_ID = ?) OR ID IN "
                + "(SELECT ACTIVITY_ID FROM CRM_ACTIVITY_PARTICIPANT WHERE RECORD_TYPE = ? AND RECORD_ID = ?))"
                + ModuleSql.visibleOwners(visibility, params) + " ORDER BY DONE, DUE_AT, ID";
        List<Activity> found = read(ModuleSql.query(dataSource, sql, params, LIST_LIMIT, rs -> rs.getLong(1)));
        List<Activity> open = new ArrayList<>(found.stream().filter(a -> !a.done()).toList());
        found.stream().filter(Activity::done).sorted(Comparator.comparing(Activity::dueAt).reversed()).forEach(open::add);
        return open;
    }

    /**
     * @param done false for the open activities, by due time; true for the completed ones, latest first
     * @return the activities of the caller and of the users sharing a group with them, as far as the
     *     caller sees them (R-ACT-4)
     */
    public List<Activity> mine(boolean done) {
        access.require(ActivitiesModule.VIEW);
        Visibility visibility = access.visibility();
        Set<String> owners = new TreeSet<>(access.groupMates());
        owners.removeIf(o -> !visibility.canSee(o));
        if (owners.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(owners);
        params.add(done);
        String sql = "SELECT ID FROM CRM_ACTIVITY WHERE OWNER IN (" + ModuleSql.placeholders(owners.size())
                + ") AND DONE = ? ORDER BY DUE_AT" + (done ? " DESC" : "") + ", ID";
        return read(ModuleSql.query(dataSource, sql, params, LIST_LIMIT, rs -> rs.getLong(1)));
    }

    /**
     * @param id an activity id
     * @return the activity, if the caller sees it
     */
    public Optional<Activity> get(long id) {
        access.require(ActivitiesModule.VIEW);
        return records.get(ActivityRecordType.ID, id).map(Activity::of);
    }

    /**
     * Schedules an activity on a record.
     *
     * @param recordType the record type of the record it belongs to
     * @param id that record, which the caller must see
     * @param values the activity's fields by name (kind, subject, dueAt, ...), typed as {@link RecordValues} says
     *     (times UTC); the record it belongs to, its participants and whether it is done are set here
     * @param participants people and organisations taking part, of any record type the caller sees
     * @return the new activity
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code activities.create}
     * @throws ValidationException with a message per bad field
     */
    public Activity schedule(String recordType, long id, RecordValues values, List<RecordRef> participants) {
        access.require(ActivitiesModule.CREATE);
        title(recordType, id);
        RecordValues all = on(values, recordType, id).set("participants", participantsText(participants)).build();
        return scope.required(c -> { // the activity and its participants, or neither
            RecordRow row = records.create(ActivityRecordType.ID, all);
            saveParticipants(row.id(), participants);
            return require(row.id());
        });
    }

    /**
     * Schedules the same activity on many records, one each (the bulk action).
     *
     * @param recordType the records' type
     * @param ids the records; those the caller does not see are skipped
     * @param values the activity's fields by name, as {@link #schedule} takes them
     * @return how many were scheduled
     */
    public int scheduleAll(String recordType, List<Long> ids, RecordValues values) {
        access.require(ActivitiesModule.CREATE);
        Set<Long> visible = records.titles(recordType, ids).keySet();
        if (visible.isEmpty()) {
            return 0;
        }
        // One transaction: every record gets its activity, or (on any failure) none does.
        return scope.required(c -> {
            int scheduled = 0;
            for (Long id : ids) {
                if (visible.contains(id)) {
                    records.create(ActivityRecordType.ID, on(values, recordType, id).build());
                    scheduled++;
                }
            }
            return scheduled;
        });
    }

    /**
     * Changes an activity.
     *
     * @param id the activity
     * @param version the version the user edited
     * @param values the changed fields by name, typed as {@link #schedule} takes them; the record it belongs to
     *     and the participants' text are not changed here
     * @param participants the new participants, or null to keep them
     * @return the activity as stored
     * @throws org.tesseracrm.kernel.api.ConflictException if someone changed it meanwhile
     */
    public Activity change(long id, long version, RecordValues values, List<RecordRef> participants) {
        access.require(ActivitiesModule.EDIT);
        RecordValues.Builder builder = copy(values, Set.of("relatedType", "relatedId", "relatedTitle", "participants"));
        if (participants != null) {
            builder.set("participants", participantsText(participants));
        }
        RecordValues changed = builder.build();
        return scope.required(c -> {
            records.update(ActivityRecordType.ID, id, version, changed);
            if (participants != null) {
                saveParticipants(id, participants);
            }
            return require(id);
        });
    }

    /**
     * @param id an activity the caller sees
     * @return it, completed; its reminder is cleared
     */
    public Activity complete(long id) {
        access.require(ActivitiesModule.EDIT);
        Activity activity = require(id);
        if (activity.done()) {
            return activity;
        }
        records.update(ActivityRecordType.ID, id, activity.version(), COMPLETED);
        return require(id);
    }

    /**
     * @param id an activity the caller sees
     * @param delay how long until the reminder pops up again, from now
     * @return the activity with its new reminder
     */
    public Activity snooze(long id, Duration delay) {
        access.require(ActivitiesModule.EDIT);
        Activity activity = require(id);
        records.update(ActivityRecordType.ID, id, activity.version(),
                RecordValues.builder().set("remindAt", utcNow().plus(delay)).build());
        return require(id);
    }

    /**
     * @param id an activity the caller sees
     * @return it, without its reminder
     */
    public Activity dismiss(long id) {
        access.require(ActivitiesModule.EDIT);
        Activity activity = require(id);
        if (activity.remindAt().isPresent()) {
            records.update(ActivityRecordType.ID, id, activity.version(), RecordValues.builder().clear("remindAt").build());
        }
        return require(id);
    }

    /** @param id an activity the caller sees and may delete */
    public void delete(long id) {
        access.require(ActivitiesModule.DELETE);
        require(id);
        records.delete(ActivityRecordType.ID, RecordSelection.of(List.of(id))); // ActivityLifecycle takes its rows
    }

    /**
     * Joins a video meeting through the CRM (R-ACT-7): a video check-in records a check-in on the
     * meeting's record (counted as a visit), a video call is recorded as a completed activity. Either
     * way the meeting is completed; joining again records nothing more.
     *
     * @param id a video meeting the caller sees
     * @return the link to open and the check-in, if one was made now
     * @throws ValidationException if the activity is not a video meeting or its link is not a Teams or
     *     Zoom link
     */
    public Join join(long id) {
        Caller caller = access.require(ActivitiesModule.EDIT);
        Activity meeting = require(id);
        ActivityRules.checkJoinable(meeting.kind(), meeting.meetingLink());
        return scope.required(c -> { // the check-in and the completed meeting, or neither
            Optional<CheckIn> made = Optional.empty();
            boolean checkedIn = !ModuleSql.query(dataSource, "SELECT ID FROM CRM_CHECKIN WHERE ACTIVITY_ID = ?",
                    List.of(id), 1, rs -> rs.getLong(1)).isEmpty();
            if (ActivityRules.joinChecksIn(meeting.kind(), !meeting.relatedType().isEmpty(), checkedIn)) {
                made = Optional.of(insertCheckIn(caller.username(), meeting.relatedType(), meeting.relatedId(),
                        meeting.relatedTitle(), CheckIn.VIDEO, null, null, id));
            }
            if (!meeting.done()) {
                records.update(ActivityRecordType.ID, id, meeting.version(), COMPLETED);
            }
            return new Join(meeting.meetingLink(), made);
        });
    }

    /**
     * What joining a video meeting gave.
     *
     * @param link the meeting link to open
     * @param checkIn the check-in recorded, for a video check-in joined the first time
     */
    public record Join(String link, Optional<CheckIn> checkIn) {
    }

    /**
     * Records a visit in person.
     *
     * @param recordType the visited record's type
     * @param id the visited record, which the caller must see
     * @param latitude the browser's position, if the user shared it
     * @param longitude see latitude
     * @return the check-in
     */
    public CheckIn checkIn(String recordType, long id, Double latitude, Double longitude) {
        Caller caller = access.require(ActivitiesModule.CREATE);
        if (latitude != null && (latitude < -90 || latitude > 90) || longitude != null && (longitude < -180 || longitude > 180)) {
            throw new ValidationException(List.of(new FieldError("position", "The browser sent an impossible position.")));
        }
        return insertCheckIn(caller.username(), recordType, id, clip(title(recordType, id), 300), CheckIn.PHYSICAL,
                latitude, longitude, 0);
    }

    /**
     * @param recordType a record type id
     * @param id a record the caller sees
     * @return its check-ins, latest first
     */
    public List<CheckIn> checkIns(String recordType, long id) {
        access.require(ActivitiesModule.VIEW);
        title(recordType, id);
        return ModuleSql.query(dataSource, "SELECT ID, USERNAME, RECORD_TYPE, RECORD_ID, RECORD_TITLE, KIND, CHECKED_IN_AT, LATITUDE, LONGITUDE, "
                + "ACTIVITY_ID FROM CRM_CHECKIN WHERE RECORD_TYPE = ? AND RECORD_ID = ? ORDER BY CHECKED_IN_AT DESC, ID DESC",
                List.of(recordType, id), LIST_LIMIT, ActivityService::readCheckIn);
    }

    /**
     * The check-ins per user report (seed 000, R-ANA-2): check-ins in person and video check-ins joined, made in a
     * period, counted only on the records the caller sees (as the check-ins of a record are shown only with it).
     *
     * @param from the first day (in the caller's time zone)
     * @param to the last day, included
     * @param zone the caller's time zone
     * @return a row per user, by user name
     */
    public List<org.tesseracrm.activities.internal.report.CheckInTally.Row> checkInsPerUser(java.time.LocalDate from,
            java.time.LocalDate to, java.time.ZoneId zone) {
        access.require(ActivitiesModule.VIEW);
        Timestamp start = Timestamp.valueOf(LocalDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        Timestamp end = Timestamp.valueOf(LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(),
                ZoneOffset.UTC));
        List<org.tesseracrm.activities.internal.report.CheckInTally.Cell> cells = ModuleSql.query(dataSource,
                "SELECT USERNAME, KIND, RECORD_TYPE, RECORD_ID, COUNT(*) FROM CRM_CHECKIN WHERE CHECKED_IN_AT >= ? "
                        + "AND CHECKED_IN_AT < ? GROUP BY USERNAME, KIND, RECORD_TYPE, RECORD_ID",
                List.of(start, end), 100_000, rs -> new org.tesseracrm.activities.internal.report.CheckInTally.Cell(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
        Map<String, Set<Long>> visible = new LinkedHashMap<>();
        cells.stream().collect(Collectors.groupingBy(c -> c.recordType(), Collectors.mapping(c -> c.recordId(),
                Collectors.toCollection(TreeSet::new)))).forEach((type, ids) -> {
                    List<Long> all = List.copyOf(ids);
                    Set<Long> seen = new TreeSet<>();
                    for (int i = 0; i < all.size(); i += 500) {
                        try {
                            seen.addAll(records.titles(type, all.subList(i, Math.min(all.size(), i + 500))).keySet());
                        } catch (org.tesseracrm.kernel.api.CrmException e) {
                            break; // a type no longer installed, or not readable by the caller: its check-ins not counted
                        }
                    }
                    visible.put(type, seen);
                });
        return org.tesseracrm.activities.internal.report.CheckInTally.tally(cells, visible);
    }

    /**
     * @param text what the user typed, at least {@value #PARTICIPANT_MIN_CHARS} characters
     * @return up to 5 matching records of each installed type the caller may see, by type label
     */
    public List<RecordRef> participantsMatching(String text) {
        access.require(ActivitiesModule.VIEW);
        String typed = text == null ? "" : text.strip();
        if (typed.length() < PARTICIPANT_MIN_CHARS) {
            return List.of();
        }
        List<RecordRef> found = new ArrayList<>();
        types.all().stream().filter(t -> !t.id().equals(ActivityRecordType.ID))
                .filter(t -> access.permitted(t.moduleId() + ".view")).sorted(Comparator.comparing(RecordType::label))
                .forEach(t -> found.addAll(records.lookup(t.id(), typed, 5)));
        return found;
    }

    /**
     * @param id an activity the caller sees
     * @return its participants
     */
    public List<RecordRef> participants(long id) {
        require(id);
        return titles.participants(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * @param recordType a record type id
     * @param id a record
     * @return the record's first phone number, if the caller sees the record and it has one (for
     *     click-to-call)
     */
    public Optional<String> phoneOf(String recordType, long id) {
        access.require(ActivitiesModule.VIEW);
        RecordType type = types.find(recordType).orElse(null);
        if (type == null || !access.permitted(type.moduleId() + ".view")) {
            return Optional.empty();
        }
        return records.get(recordType, id).flatMap(row -> type.fields().stream()
                .filter(f -> f.type() == org.tesseracrm.kernel.api.record.FieldType.PHONE)
                .map(f -> row.text(f.name())).filter(t -> !t.isBlank()).findFirst());
    }

    /** @return the caller's open activities whose reminder time has come, earliest first */
    public List<Activity> dueReminders() {
        return remindersUntil(utcNow());
    }

    /**
     * @param until a time (UTC), e.g. the end of the caller's day
     * @return the caller's open activities whose reminder time comes by then (those already due included),
     *     earliest first, at most 50
     */
    public List<Activity> remindersUntil(LocalDateTime until) {
        Caller caller = access.require(ActivitiesModule.VIEW);
        // Without the preferred index Derby walks all of the owner's activities through the due-time index
        // instead of the few whose reminder time has come.
        return read(ModuleSql.query(dataSource, "SELECT ID FROM " + ModuleSql.preferIndex("CRM_ACTIVITY",
                "IX_ACTIVITY_OWNER_REMIND") + " WHERE OWNER = ? AND DONE = ? AND REMIND_AT <= ? ORDER BY REMIND_AT, ID",
                List.of(caller.username(), false, Timestamp.valueOf(until)), 50, rs -> rs.getLong(1)));
    }

    /**
     * The caller's own day (the Home page): their open activities due before a time, overdue ones included.
     *
     * @param until a time (UTC), e.g. the end of the caller's day
     * @return the caller's own open activities due before then, by due time, at most {@value #LIST_LIMIT}
     */
    public List<Activity> openDueBefore(LocalDateTime until) {
        Caller caller = access.require(ActivitiesModule.VIEW);
        return read(ModuleSql.query(dataSource, "SELECT ID FROM " + ModuleSql.preferIndex("CRM_ACTIVITY",
                "IX_ACTIVITY_OWNER_DUE") + " WHERE OWNER = ? AND DONE = ? AND DUE_AT < ?"
                + " ORDER BY DUE_AT, ID", List.of(caller.username(), false, Timestamp.valueOf(until)), LIST_LIMIT,
                rs -> rs.getLong(1)));
    }

    /**
     * @param recordType a record type id
     * @param ids records of a list page
     * @return when (UTC) the earliest open activity the caller sees is due, by record id; empty without
     *     {@code activities.view}
     */
    public Map<Long, LocalDateTime> nextDue(String recordType, Collection<Long> ids) {
        if (ids.isEmpty() || !access.permitted(ActivitiesModule.VIEW)) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(recordType);
        params.addAll(ids);
        params.add(false);
        String sql = "SELECT RELATED_ID, MIN(DUE_AT) FROM CRM_ACTIVITY WHERE RELATED_TYPE = ? AND RELATED_ID IN ("
                + ModuleSql.placeholders(ids.size()) + ") AND DONE = ?" + ModuleSql.visibleOwners(access.visibility(), params) + " GROUP BY RELATED_ID";
        return ModuleSql.query(dataSource, sql, params, ids.size(), rs -> Map.entry(rs.getLong(1), rs.getTimestamp(2)
                .toLocalDateTime())).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * @return the values with what an activity on a record is given by the module itself: the record, named
     *     neutrally, and not done
     */
    private RecordValues.Builder on(RecordValues values, String recordType, long id) {
        return copy(values, Set.of()).set("relatedType", recordType).set("relatedId", id)
                .set("relatedTitle", stored(recordType, id)).set("done", false);
    }

    /** @return a builder holding the values, typed or as text, but the fields left out */
    private static RecordValues.Builder copy(RecordValues values, Set<String> leftOut) {
        RecordValues.Builder builder = RecordValues.builder();
        values.typed().forEach((field, value) -> {
            if (!leftOut.contains(field)) {
                builder.setValue(field, value.orElse(null));
            }
        });
        values.texts().forEach((field, text) -> {
            if (!leftOut.contains(field)) {
                builder.text(field, text);
            }
        });
        return builder;
    }

    /** @return the current time as the platform stores times: UTC, to the millisecond */
    static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Reads activities whole through the record platform: its fields, checks and visibility, and the titles of
     * their records and participants named for the caller once, by {@link ActivityReferenceTitles}.
     *
     * @param ids activities the module's own query selected, in the order to show
     * @return those the caller sees, in that order
     */
    private List<Activity> read(List<Long> ids) {
        return ids.isEmpty() ? List.of() : records.get(ActivityRecordType.ID, ids).stream().map(Activity::of).toList();
    }

    private Activity require(long id) {
        return get(id).orElseThrow(() -> new NotFoundException("Activity", id));
    }

    /** @return the record's title, checking the caller sees it */
    private String title(String recordType, long id) {
        if (types.find(recordType).isEmpty()) {
            throw new NotFoundException("No installed module keeps records of type \"" + recordType + "\".");
        }
        String title = records.titles(recordType, List.of(id)).get(id);
        if (title == null) {
            throw new NotFoundException(types.require(recordType).label(), id);
        }
        return title;
    }

    private void saveParticipants(long activityId, List<RecordRef> participants) {
        Map<String, RecordRef> checked = new LinkedHashMap<>();
        for (RecordRef ref : participants) {
            // Only records the caller sees, with their current titles.
            String title = types.find(ref.recordType()).isPresent()
                    ? records.titles(ref.recordType(), List.of(ref.id())).get(ref.id()) : null;
            if (title == null) {
                throw new ValidationException(List.of(new FieldError("participants",
                        "A participant is no longer there, or you cannot see it: " + ref.title() + ".")));
            }
            checked.put(ref.recordType() + ":" + ref.id(), new RecordRef(ref.recordType(), ref.id(), stored(ref.recordType(), ref.id())));
        }
        scope.required(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM CRM_ACTIVITY_PARTICIPANT WHERE ACTIVITY_ID = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_ACTIVITY_PARTICIPANT "
                            + "(ACTIVITY_ID, RECORD_TYPE, RECORD_ID, TITLE) VALUES (?, ?, ?, ?)")) {
                delete.setLong(1, activityId);
                delete.executeUpdate();
                for (RecordRef ref : checked.values()) {
                    insert.setLong(1, activityId);
                    insert.setString(2, ref.recordType());
                    insert.setLong(3, ref.id());
                    insert.setString(4, ref.title());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private CheckIn insertCheckIn(String username, String recordType, long recordId, String title, String kind,
            Double latitude, Double longitude, long activityId) {
        LocalDateTime now = utcNow();
        return scope.required(c -> { // the check-in and its audit entry, or neither
            long id = insertCheckIn(c, username, recordType, recordId, title, kind, latitude, longitude, activityId, now);
            RecordType type = types.find(recordType).orElse(null);
            if (type != null) {
                records.get(recordType, recordId).ifPresent(row -> audit.record(RecordChange.added(type.moduleId(),
                        recordType, recordId, title, String.valueOf(row.values().get("owner")), "checkIn",
                        CheckIn.VIDEO.equals(kind) ? "video check-in" : latitude == null ? "visit"
                                : String.format("visit at %.5f, %.5f", latitude, longitude))));
            }
            return new CheckIn(id, username, recordType, recordId, title, kind, now, Optional.ofNullable(latitude),
                    Optional.ofNullable(longitude), activityId);
        });
    }

    private long insertCheckIn(Connection c, String username, String recordType, long recordId, String title,
            String kind, Double latitude, Double longitude, long activityId, LocalDateTime now) throws SQLException {
        long newId = scope.reserveIds(CHECKIN_IDS, 1);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_CHECKIN (ID, USERNAME, RECORD_TYPE, "
                + "RECORD_ID, RECORD_TITLE, KIND, CHECKED_IN_AT, LATITUDE, LONGITUDE, ACTIVITY_ID) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ModuleSql.bind(insert, List.of(newId, username, recordType, recordId, title, kind, Timestamp.valueOf(now)));
            insert.setObject(8, latitude, java.sql.Types.DOUBLE);
            insert.setObject(9, longitude, java.sql.Types.DOUBLE);
            if (activityId > 0) {
                insert.setLong(10, activityId);
            } else {
                insert.setNull(10, java.sql.Types.BIGINT);
            }
            insert.executeUpdate();
            return newId;
        }
    }

    private static CheckIn readCheckIn(ResultSet rs) throws SQLException {
        double latitude = rs.getDouble(8);
        Optional<Double> lat = rs.wasNull() ? Optional.empty() : Optional.of(latitude);
        double longitude = rs.getDouble(9);
        Optional<Double> lon = rs.wasNull() ? Optional.empty() : Optional.of(longitude);
        return new CheckIn(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toLocalDateTime(), lat, lon, rs.getLong(10));
    }

    /** @return the participants as stored with the activity (and so in its history): neutrally, never their titles */
    private String participantsText(List<RecordRef> participants) {
        return clip(String.join(RecordRow.MULTI_SEPARATOR, participants.stream().map(r -> stored(r.recordType(), r.id()))
                .toList()), 1000);
    }

    /**
     * Text an activity stores about another record is in its history, which anyone who sees the activity
     * reads, so it never holds the record's title: screens name the record at read time ({@link ActivityTitles}).
     *
     * @return the record's neutral name, e.g. "Contact #12"
     */
    private String stored(String recordType, long id) {
        return clip(types.neutralTitle(recordType, id), 300);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }








}
