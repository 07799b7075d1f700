package org.tesseracrm.automation.internal.rest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.internal.rest.AutomationJson.ActionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.ConditionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.CriteriaBody;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;

/**
 * The JSON forms of assignment rules, scoring rules and schedules: request bodies read into the API's records with
 * every part that does not read named at once (422), answers as records Jackson writes (times ISO-8601 UTC).
 * Criteria, conditions and actions have the shapes of the workflow rules' ({@link AutomationJson}).
 */
public final class PartsJson {
    private PartsJson() {
    }

    /**
     * An assignment rule, as requests give it and answers show it.
     *
     * @param id its id (answers only)
     * @param recordType the record type id; required
     * @param position its place among the type's rules from 1; left out: last (new) or where it is (change)
     * @param name its name; required
     * @param criteria the records it takes; left out for every record
     * @param strategy USER, ROUND_ROBIN or LOAD_BALANCED; required
     * @param pool USER, GROUP or ROLE; required
     * @param poolName the user, group or role name; required
     * @param open for LOAD_BALANCED, the conditions (all must hold) of an open record; left out: every record
     * @param active whether it applies; true when left out
     */
    public record AssignmentJson(Long id, String recordType, Integer position, String name, CriteriaBody criteria,
            String strategy, String pool, String poolName, List<ConditionBody> open, Boolean active) {
    }

    /**
     * A scoring rule.
     *
     * @param id its id (answers only)
     * @param recordType the record type id; required
     * @param name its name; required
     * @param basis FIELDS or ACTIVITIES_DONE; required
     * @param criteria the conditions on the record (FIELDS) or on the activities (ACTIVITIES_DONE)
     * @param points the points, -10000 to 10000; required
     * @param cap for ACTIVITIES_DONE, the most activities counted (1 to 1000)
     * @param active whether it counts; true when left out
     */
    public record ScoringJson(Long id, String recordType, String name, String basis, CriteriaBody criteria,
            Integer points, Integer cap, Boolean active) {
    }

    /** @param field a NUMBER field's name; left out or "" to create a custom field "Score" */
    public record ScoreFieldBody(String field) {
    }

    /**
     * A schedule.
     *
     * @param id its id (answers only)
     * @param name its name; required
     * @param recordType the saved view's record type; required
     * @param viewOwner the saved view's owner; required
     * @param viewName the saved view's name (a shared view); required
     * @param conditions more conditions on the view's records (all must hold; relative dates allowed)
     * @param frequency ONCE, DAILY, WEEKLY or MONTHLY; required
     * @param date for ONCE, yyyy-mm-dd
     * @param time HH:mm; required
     * @param dayOfWeek for WEEKLY, MONDAY to SUNDAY
     * @param dayOfMonth for MONTHLY, 1 to 31
     * @param zone the time zone, e.g. Europe/Madrid; UTC when left out
     * @param actions the actions for each record, in order (no delays)
     * @param active whether it runs; true when left out
     * @param nextRun when it runs next (answers only)
     */
    public record ScheduleJson(Long id, String name, String recordType, String viewOwner, String viewName,
            List<ConditionBody> conditions, String frequency, String date, String time, String dayOfWeek,
            Integer dayOfMonth, String zone, List<ActionBody> actions, Boolean active, String nextRun) {
    }

    /** A run of a schedule, as answers show it. */
    public record RunJson(long id, long scheduleId, String startedAt, String finishedAt, long records, long done,
            long skipped, long failed, String message) {
    }

    /** @return the rule as answers show it */
    public static AssignmentJson json(AssignmentRule r) {
        return new AssignmentJson(r.id(), r.recordType(), r.position(), r.name(), criteria(r.criteria()),
                r.strategy().name(), r.pool().name(), r.poolName(), conditions(r.open()), r.active());
    }

    /** @return the rule as answers show it */
    public static ScoringJson json(ScoringRule r) {
        return new ScoringJson(r.id(), r.recordType(), r.name(), r.basis().name(), criteria(r.criteria()), r.points(),
                r.cap(), r.active());
    }

    /** @return the schedule as answers show it */
    public static ScheduleJson json(Schedule s) {
        return new ScheduleJson(s.id(), s.name(), s.recordType(), s.viewOwner(), s.viewName(),
                conditions(s.conditions()), s.frequency().name(), s.date().map(LocalDate::toString).orElse(null),
                s.time().toString(), s.dayOfWeek().map(DayOfWeek::name).orElse(null), s.dayOfMonth(),
                s.zone().getId(), s.actions().stream().map(a -> new ActionBody(a.action(), a.config(), null)).toList(),
                s.active(), s.nextRun().map(Object::toString).orElse(null));
    }

    /** @return the run as answers show it */
    public static RunJson json(ScheduleRun r) {
        return new RunJson(r.id(), r.scheduleId(), r.startedAt().toString(), r.finishedAt().toString(), r.records(),
                r.done(), r.skipped(), r.failed(), r.message());
    }

    /** @return the rule the body gives, with the id and position given */
    static AssignmentRule assignment(long id, int position, AssignmentJson b) {
        List<FieldError> errors = new ArrayList<>();
        AssignmentJson body = b == null ? new AssignmentJson(null, null, null, null, null, null, null, null, null,
                null) : b;
        Criteria criteria = AutomationJson.criteria(body.criteria(), errors);
        List<Filter> open = filters(body.open(), "open", errors);
        AssignmentRule.Strategy strategy = choice(AssignmentRule.Strategy.class, body.strategy(), "strategy", errors);
        AssignmentRule.Pool pool = choice(AssignmentRule.Pool.class, body.pool(), "pool", errors);
        failOn(errors);
        return new AssignmentRule(id, text(body.recordType()), body.position() == null ? position : body.position(),
                text(body.name()), criteria, strategy, pool, text(body.poolName()), open,
                body.active() == null || body.active());
    }

    /** @return the rule the body gives, with the id given */
    static ScoringRule scoring(long id, ScoringJson b) {
        List<FieldError> errors = new ArrayList<>();
        ScoringJson body = b == null ? new ScoringJson(null, null, null, null, null, null, null, null) : b;
        Criteria criteria = AutomationJson.criteria(body.criteria(), errors);
        ScoringRule.Basis basis = choice(ScoringRule.Basis.class, body.basis(), "basis", errors);
        if (body.points() == null) {
            errors.add(new FieldError("points", "Give the points."));
        }
        failOn(errors);
        return new ScoringRule(id, text(body.recordType()), text(body.name()), basis, criteria, body.points(),
                body.cap() == null ? 0 : body.cap(), body.active() == null || body.active());
    }

    /** @return the schedule the body gives, with the id given */
    static Schedule schedule(long id, ScheduleJson b) {
        List<FieldError> errors = new ArrayList<>();
        ScheduleJson body = b == null ? new ScheduleJson(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : b;
        List<Filter> conditions = filters(body.conditions(), "conditions", errors);
        Schedule.Frequency frequency = choice(Schedule.Frequency.class, body.frequency(), "frequency", errors);
        Optional<LocalDate> date = Optional.empty();
        LocalTime time = null;
        Optional<DayOfWeek> day = Optional.empty();
        ZoneId zone = ZoneId.of("UTC");
        try {
            date = Optional.ofNullable(body.date()).filter(d -> !d.isBlank()).map(d -> LocalDate.parse(d.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date", "Give the date as yyyy-mm-dd."));
        }
        try {
            time = LocalTime.parse(text(body.time()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("time", "Give the time as HH:mm, e.g. 08:00."));
        }
        if (body.dayOfWeek() != null && !body.dayOfWeek().isBlank()) {
            day = Optional.ofNullable(choice(DayOfWeek.class, body.dayOfWeek(), "dayOfWeek", errors));
        }
        if (body.zone() != null && !body.zone().isBlank()) {
            try {
                zone = ZoneId.of(body.zone().strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "\"" + body.zone() + "\" is not a time zone (e.g. Europe/Madrid)."));
            }
        }
        List<RuleAction> actions = new ArrayList<>();
        List<ActionBody> given = body.actions() == null ? List.of() : body.actions();
        for (int i = 0; i < given.size(); i++) {
            ActionBody a = given.get(i);
            if (a == null || a.action() == null || a.action().isBlank()) {
                errors.add(new FieldError("actions[" + i + "].action", "Choose the action."));
            } else {
                actions.add(RuleAction.of(a.action().strip(), AutomationJson.values(a.config())));
            }
        }
        failOn(errors);
        return new Schedule(id, text(body.name()), text(body.recordType()), text(body.viewOwner()),
                text(body.viewName()), conditions, frequency, date, time, day,
                body.dayOfMonth() == null ? 0 : body.dayOfMonth(), zone, actions,
                body.active() == null || body.active(), Optional.empty());
    }

    private static List<Filter> filters(List<ConditionBody> given, String at, List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>();
        Criteria read = AutomationJson.criteria(new CriteriaBody("ALL", given), found);
        found.forEach(e -> errors.add(new FieldError(e.field().replace("criteria.conditions", at), e.message())));
        return read.conditions();
    }

    private static CriteriaBody criteria(Criteria criteria) {
        return new CriteriaBody(criteria.match().name(), conditions(criteria.conditions()));
    }

    private static List<ConditionBody> conditions(List<Filter> filters) {
        return filters.stream().map(f -> new ConditionBody(f.field(), f.op().name(), f.values())).toList();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, text(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Choose one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "."));
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** @return {@code {"data": list}} */
    static <T> Map<String, List<T>> data(List<T> list) {
        return Map.of("data", list);
    }
}
