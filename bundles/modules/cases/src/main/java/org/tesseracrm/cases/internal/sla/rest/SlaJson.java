package org.tesseracrm.cases.internal.sla.rest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tesseracrm.cases.internal.sla.BusinessCalendar;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.SlaCalendar;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * The JSON forms of the SLA settings, and the checks that turn a request body into a calendar or a rule with field
 * errors (422) rather than failures: every field that does not read is named, all at once.
 */
public final class SlaJson {
    private SlaJson() {
    }

    /**
     * A calendar as a request gives it; on a change, a field left out keeps its stored value.
     *
     * @param name its name, unique; required for a new one
     * @param zone its time zone, e.g. {@code Europe/Madrid}; UTC for a new one without
     * @param hours hours per weekday ({@code monday} or {@code mon} to {@code sunday}), e.g. {@code "09:00-13:00,
     *     14:00-18:00"}, "" for closed; a weekday left out keeps its hours (a new calendar starts Monday to Friday
     *     09:00-17:00)
     * @param holidays its holidays, all of them: the list replaces the stored one
     * @param atRiskPercent the share of the SLA after which a case is at risk, 1 to 99 (75 for a new one)
     */
    public record CalendarBody(String name, String zone, Map<String, String> hours, List<HolidayBody> holidays,
            Integer atRiskPercent) {
    }

    /**
     * @param date {@code yyyy-mm-dd}, in the calendar's time zone
     * @param name what it is ("" for nothing)
     */
    public record HolidayBody(String date, String name) {
    }

    /**
     * An escalation rule as a request gives it; on a change, a field left out keeps its stored value.
     *
     * @param position order among the rules, smallest first (100 for a new one)
     * @param caseType the case type it applies to; null or "" for any
     * @param priority the priority it applies to; null or "" for any
     * @param trigger {@code percent} (of the SLA used) or {@code minutes} (business minutes past due); required
     * @param amount the percent or the minutes; required
     * @param repeatMinutes business minutes between levels (60 for a new one)
     * @param maxLevel the highest level, 1 to 10 (1 for a new one)
     */
    public record RuleBody(Integer position, String caseType, String priority, String trigger, Integer amount,
            Integer repeatMinutes, Integer maxLevel) {
    }

    /** @return the calendar's JSON: id, name, zone, atRiskPercent, hours by weekday, holidays with names */
    static Map<String, Object> calendar(SlaCalendar calendar) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", calendar.id());
        out.put("name", calendar.name());
        out.put("zone", calendar.calendar().zone().getId());
        out.put("atRiskPercent", calendar.atRiskPercent());
        Map<String, String> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name().toLowerCase(Locale.ROOT), calendar.calendar().hoursText(day));
        }
        out.put("hours", hours);
        List<Map<String, String>> holidays = new ArrayList<>();
        calendar.holidayNames().forEach((d, n) -> holidays.add(Map.of("date", d.toString(), "name", n)));
        out.put("holidays", holidays);
        out.put("isDefault", calendar.isDefault());
        return out;
    }

    /** @return the rule's JSON, with a sentence describing it */
    static Map<String, Object> rule(EscalationRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rule.id());
        out.put("position", rule.position());
        out.put("caseType", rule.caseType().orElse(null));
        out.put("priority", rule.priority().orElse(null));
        out.put("trigger", rule.trigger().code());
        out.put("amount", rule.amount());
        out.put("repeatMinutes", rule.repeatMinutes());
        out.put("maxLevel", rule.maxLevel());
        out.put("description", rule.describe());
        return out;
    }

    /**
     * @param id 0 for a new calendar
     * @param body the request's body
     * @param old the stored calendar when it is a change
     * @return the calendar to save
     * @throws ValidationException naming each field that does not read
     */
    static SlaCalendar calendar(long id, CalendarBody body, Optional<SlaCalendar> old) {
        List<FieldError> errors = new ArrayList<>();
        CalendarBody b = body == null ? new CalendarBody(null, null, null, null, null) : body;
        String name = b.name() != null ? b.name().strip() : old.map(SlaCalendar::name).orElse("");
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "A calendar's name has 1 to 100 characters."));
        }
        ZoneId zone = old.map(o -> o.calendar().zone()).orElse(ZoneOffset.UTC);
        if (b.zone() != null) {
            try {
                zone = ZoneId.of(b.zone().strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "'" + b.zone() + "' is not a time zone such as Europe/Madrid or UTC."));
            }
        }
        Map<DayOfWeek, List<BusinessCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
        week.putAll(old.map(o -> o.calendar().week()).orElseGet(() -> BusinessCalendar.standard(ZoneOffset.UTC).week()));
        if (b.hours() != null) {
            b.hours().forEach((dayName, text) -> {
                Optional<DayOfWeek> day = day(dayName);
                if (day.isEmpty()) {
                    errors.add(new FieldError("hours." + dayName, "'" + dayName + "' is not a weekday such as monday "
                            + "or mon."));
                    return;
                }
                try {
                    week.put(day.get(), BusinessCalendar.parseHours(text == null ? "" : text));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("hours." + dayName, e.getMessage()));
                }
            });
        }
        Map<LocalDate, String> holidays = new TreeMap<>(old.map(SlaCalendar::holidayNames).orElse(Map.of()));
        if (b.holidays() != null) {
            holidays.clear();
            for (int i = 0; i < b.holidays().size(); i++) {
                HolidayBody h = b.holidays().get(i);
                try {
                    String holidayName = h == null || h.name() == null ? "" : h.name().strip();
                    if (holidayName.length() > 100) {
                        errors.add(new FieldError("holidays[" + i + "].name", "At most 100 characters."));
                    }
                    holidays.put(LocalDate.parse(h == null || h.date() == null ? "" : h.date().strip()), holidayName);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("holidays[" + i + "].date", "Give the date as yyyy-mm-dd, e.g. "
                            + "2026-12-08."));
                }
            }
        }
        int atRisk = b.atRiskPercent() != null ? b.atRiskPercent() : old.map(SlaCalendar::atRiskPercent).orElse(75);
        if (atRisk < 1 || atRisk > 99) {
            errors.add(new FieldError("atRiskPercent", "At risk after 1 to 99 % of the SLA, not " + atRisk + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            return new SlaCalendar(id, new BusinessCalendar(name, zone, week, holidays.keySet()), holidays, atRisk);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("hours", e.getMessage())));
        }
    }

    /**
     * @param id 0 for a new rule
     * @param body the request's body
     * @param old the stored rule when it is a change
     * @return the rule to save
     * @throws ValidationException naming the field that does not read
     */
    static EscalationRule rule(long id, RuleBody body, Optional<EscalationRule> old) {
        RuleBody b = body == null ? new RuleBody(null, null, null, null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        EscalationRule.Trigger trigger = old.map(EscalationRule::trigger).orElse(null);
        if (b.trigger() != null) {
            try {
                trigger = EscalationRule.Trigger.parse(b.trigger());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("trigger", e.getMessage()));
            }
        } else if (trigger == null) {
            errors.add(new FieldError("trigger", "Choose the trigger: percent (of the SLA used) or minutes (past due)."));
        }
        Integer amount = b.amount() != null ? b.amount() : old.map(EscalationRule::amount).orElse(null);
        if (amount == null) {
            errors.add(new FieldError("amount", "Give the percent or the minutes past due."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<String> type = b.caseType() != null ? Optional.of(b.caseType())
                : old.flatMap(EscalationRule::caseType);
        Optional<String> prio = b.priority() != null ? Optional.of(b.priority())
                : old.flatMap(EscalationRule::priority);
        int position = b.position() != null ? b.position() : old.map(EscalationRule::position).orElse(100);
        int repeat = b.repeatMinutes() != null ? b.repeatMinutes() : old.map(EscalationRule::repeatMinutes).orElse(60);
        int levels = b.maxLevel() != null ? b.maxLevel() : old.map(EscalationRule::maxLevel).orElse(1);
        if (type.map(String::length).orElse(0) > 100 || prio.map(String::length).orElse(0) > 100) {
            throw new ValidationException(List.of(new FieldError(type.map(String::length).orElse(0) > 100
                    ? "caseType" : "priority", "At most 100 characters.")));
        }
        try {
            return new EscalationRule(id, position, type, prio, trigger, amount, repeat, levels);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError(ruleField(e.getMessage()), e.getMessage())));
        }
    }

    /** @return the field an {@link EscalationRule} check's message is about */
    static String ruleField(String message) {
        if (message.startsWith("Minutes between")) {
            return "repeatMinutes";
        }
        if (message.startsWith("The highest level")) {
            return "maxLevel";
        }
        return "amount";
    }

    /** @return the weekday of {@code monday}, {@code Mon}, {@code tue}...; empty for anything else */
    static Optional<DayOfWeek> day(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.length() < 3) {
            return Optional.empty();
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
