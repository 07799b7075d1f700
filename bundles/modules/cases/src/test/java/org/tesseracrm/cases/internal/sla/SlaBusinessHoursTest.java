package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tesseracrm.cases.internal.sla.BusinessCalendarTest.MADRID;
import static org.tesseracrm.cases.internal.sla.BusinessCalendarTest.STANDARD;
import static org.tesseracrm.cases.internal.sla.BusinessCalendarTest.at;
import static org.tesseracrm.cases.internal.sla.BusinessCalendarTest.every;
import static org.tesseracrm.cases.internal.sla.BusinessCalendarTest.local;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.kernel.api.automation.BusinessHours;

/** The SLA calendars as the kernel's business hours for workflow rules: the next opening, and one service a name. */
class SlaBusinessHoursTest {
    private final Map<String, BusinessHours> services = new TreeMap<>();
    private final List<String> log = new ArrayList<>();
    private List<SlaCalendar> stored = new ArrayList<>();

    @Test
    void nextOpeningIsTheInstantItselfWhenOpenElseTheNextOpening() {
        Instant open = at(MADRID, "2026-12-04T10:15");
        assertEquals(open, STANDARD.nextOpening(open));
        // Friday 17:00 closes: Monday 09:00; Saturday night too; Monday 08:59 opens a minute later
        assertEquals("2026-12-07T09:00", local(MADRID, STANDARD.nextOpening(at(MADRID, "2026-12-04T17:00"))));
        assertEquals("2026-12-07T09:00", local(MADRID, STANDARD.nextOpening(at(MADRID, "2026-12-05T23:00"))));
        assertEquals("2026-12-07T09:00", local(MADRID, STANDARD.nextOpening(at(MADRID, "2026-12-07T08:59"))));
        // a holiday on Tuesday 8 December: Monday 17:00 opens on Wednesday
        BusinessCalendar spain = new BusinessCalendar("Spain", MADRID, STANDARD.week(),
                Set.of(LocalDate.of(2026, 12, 8)));
        assertEquals("2026-12-09T09:00", local(MADRID, spain.nextOpening(at(MADRID, "2026-12-07T17:30"))));
        // split hours: the lunch break opens at 14:00; overnight hours are open after midnight
        BusinessCalendar split = every(MADRID, "09:00-13:00, 14:00-18:00");
        assertEquals("2026-12-04T14:00", local(MADRID, split.nextOpening(at(MADRID, "2026-12-04T13:00"))));
        BusinessCalendar nights = every(MADRID, "22:00-06:00");
        Instant lateNight = at(MADRID, "2026-12-05T03:00");
        assertEquals(lateNight, nights.nextOpening(lateNight));
        assertEquals("2026-12-05T22:00", local(MADRID, nights.nextOpening(at(MADRID, "2026-12-05T06:00"))));
    }

    @Test
    void eachStoredCalendarIsABusinessHoursServiceByNameFollowingChanges() {
        stored = new ArrayList<>(List.of(new SlaCalendar(1, STANDARD, Map.of(), 75),
                new SlaCalendar(2, named(every(ZoneOffset.UTC, "00:00-24:00"), "Support"), Map.of(), 75)));
        SlaBusinessHours hours = new SlaBusinessHours(context(), () -> stored);

        assertEquals(Set.of(BusinessHours.DEFAULT, "Support"), services.keySet());
        BusinessHours office = services.get(BusinessHours.DEFAULT);
        assertEquals(MADRID, office.zone());
        Instant friday = at(MADRID, "2026-12-04T16:00");
        assertEquals("2026-12-07T10:00", local(MADRID, office.plus(friday, Duration.ofHours(2))));
        assertEquals("2026-12-07T09:00", local(MADRID, office.nextOpening(at(MADRID, "2026-12-05T12:00"))));
        assertTrue(services.get("Support").isOpen(at(MADRID, "2026-12-05T12:00")));

        // the Default's hours change, Support is renamed Helpdesk
        stored = List.of(new SlaCalendar(1, named(every(MADRID, "08:00-20:00"), BusinessCalendar.DEFAULT), Map.of(), 75),
                new SlaCalendar(2, named(every(ZoneOffset.UTC, "00:00-24:00"), "Helpdesk"), Map.of(), 75));
        hours.sync();

        assertEquals(Set.of(BusinessHours.DEFAULT, "Helpdesk"), services.keySet());
        assertSame(office, services.get(BusinessHours.DEFAULT), "the same service answers with the new hours");
        assertTrue(office.isOpen(at(MADRID, "2026-12-05T19:00")));
        assertEquals(List.of("register Default", "register Support", "unregister Support", "register Helpdesk"),
                log);

        hours.deactivate();
        assertEquals(Set.of(), services.keySet());
    }

    @Test
    void aFailedReadKeepsWhatIsRegistered() {
        stored = List.of(new SlaCalendar(1, STANDARD, Map.of(), 75));
        List<Boolean> fail = new ArrayList<>(List.of(false));
        SlaBusinessHours hours = new SlaBusinessHours(context(), () -> {
            if (fail.get(0)) {
                throw new IllegalStateException("database down");
            }
            return stored;
        });
        fail.set(0, true);
        hours.sync();
        assertEquals(Set.of(BusinessHours.DEFAULT), services.keySet());
    }

    private static BusinessCalendar named(BusinessCalendar calendar, String name) {
        return new BusinessCalendar(name, calendar.zone(), calendar.week(), calendar.holidays());
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String name = (String) ((Dictionary<?, ?>) args[2]).get(BusinessHours.NAME);
                    services.put(name, (BusinessHours) args[1]);
                    log.add("register " + name);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (r, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    services.remove(name);
                                    log.add("unregister " + name);
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.getName());
                            });
                });
    }
}
