package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.cases.api.StatusKind;

/**
 * The SLA settings as one read sees them: calendars, which case type counts in which, resolution times, escalation
 * rules and the kinds of statuses. Read once per change or sweep, never kept: an administrator's change counts from
 * the next one.
 *
 * @param calendars the calendars by id
 * @param typeCalendars the calendar id of each case type that has its own
 * @param resolutions the resolution time of each priority that has an SLA
 * @param rules the escalation rules, by position
 * @param kinds the kind of each status, by status in lower case
 */
record SlaSettings(Map<Long, SlaCalendar> calendars, Map<String, Long> typeCalendars,
        Map<String, Resolution> resolutions, List<EscalationRule> rules, Map<String, StatusKind> kinds) {
    /** A calendar when the Default one was deleted from the database by hand: Monday to Friday 9 to 5 UTC. */
    static final SlaCalendar FALLBACK = new SlaCalendar(0, BusinessCalendar.standard(ZoneOffset.UTC), Map.of(), 75);

    /**
     * @param c a connection
     * @return the settings as stored
     * @throws SQLException on a database failure
     */
    static SlaSettings load(Connection c) throws SQLException {
        Map<Long, SlaCalendar> calendars = new LinkedHashMap<>();
        SlaStore.calendars(c).forEach(cal -> calendars.put(cal.id(), cal));
        return new SlaSettings(calendars, SlaStore.typeCalendars(c), SlaStore.resolutions(c), SlaStore.rules(c),
                SlaStore.statusKinds(c));
    }

    /** @return the calendar named Default */
    SlaCalendar defaultCalendar() {
        return calendars.values().stream().filter(SlaCalendar::isDefault).findFirst().orElse(FALLBACK);
    }

    /**
     * @param caseType a case type
     * @return the calendar its cases count in: its own, else the Default
     */
    SlaCalendar calendarFor(String caseType) {
        return Optional.ofNullable(typeCalendars.get(caseType)).map(calendars::get).orElseGet(this::defaultCalendar);
    }

    /**
     * @param id a calendar id
     * @return that calendar, or the Default if it is gone
     */
    SlaCalendar calendar(long id) {
        return Optional.ofNullable(calendars.get(id)).orElseGet(this::defaultCalendar);
    }

    /**
     * @param priority a priority
     * @return its resolution time, compared without case; empty for a priority without an SLA
     */
    Optional<Resolution> resolution(String priority) {
        return resolutions.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(priority))
                .map(Map.Entry::getValue).findFirst();
    }

    /** @param status a status @return its kind; open for one without */
    StatusKind kind(String status) {
        return SlaStore.kindOf(kinds, status);
    }
}
