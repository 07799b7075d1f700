package org.tesseracrm.cases.internal.sla.shell;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.SlaCalendar;

/** How the SLA commands print settings: one line each. */
final class SlaShell {
    private SlaShell() {
    }

    /** @return e.g. {@code Default (id 1) UTC, at risk 75 %: Mon 09:00-17:00 ... holidays 2026-12-08 Bridge} */
    static String describe(SlaCalendar calendar) {
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = calendar.calendar().hoursText(day);
            days.add(day.name().substring(0, 1) + day.name().substring(1, 3).toLowerCase() + " "
                    + (hours.isEmpty() ? "closed" : hours));
        }
        List<String> holidays = new ArrayList<>();
        calendar.holidayNames().forEach((d, n) -> holidays.add(n.isEmpty() ? d.toString() : d + " " + n));
        return calendar.name() + " (id " + calendar.id() + ") " + calendar.calendar().zone() + ", at risk "
                + calendar.atRiskPercent() + " %: " + String.join("; ", days)
                + (holidays.isEmpty() ? "" : "; holidays " + String.join(", ", holidays));
    }

    /** @return e.g. {@code 3  pos 10  Complaint / any priority: at 80 % of the SLA, ...} */
    static String describe(EscalationRule rule) {
        return rule.id() + "\tpos " + rule.position() + "\t" + rule.describe();
    }
}
