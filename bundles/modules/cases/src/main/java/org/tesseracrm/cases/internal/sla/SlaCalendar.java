package org.tesseracrm.cases.internal.sla;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A stored business calendar: its id, the calendar itself, the names of its holidays and the share of the allowed
 * time after which its cases show At risk.
 *
 * @param id the stored id (0 before it is stored)
 * @param calendar hours, holidays and time zone
 * @param holidayNames a name for each holiday ("" for none); its keys are the calendar's holidays
 * @param atRiskPercent 1 to 99
 */
public record SlaCalendar(long id, BusinessCalendar calendar, Map<LocalDate, String> holidayNames, int atRiskPercent) {
    /** Checks the values and keeps a sorted copy of the names. */
    public SlaCalendar {
        Objects.requireNonNull(calendar, "calendar");
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            throw new IllegalArgumentException("At risk after 1 to 99 % of the SLA, not " + atRiskPercent + ".");
        }
        Map<LocalDate, String> names = new TreeMap<>();
        for (LocalDate day : calendar.holidays()) {
            names.put(day, holidayNames.getOrDefault(day, ""));
        }
        holidayNames = Collections.unmodifiableMap(names);
    }

    /** @return the calendar's name */
    public String name() {
        return calendar.name();
    }

    /** @return whether it is the calendar of case types without one of their own */
    public boolean isDefault() {
        return BusinessCalendar.DEFAULT.equals(calendar.name());
    }
}
