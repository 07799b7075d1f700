package org.tesseracrm.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.automation.BusinessHours;

/**
 * Offers the service desk's SLA calendars to workflow rules that "respect the company's business hours": one
 * {@link BusinessHours} service per stored calendar, with the service property {@link BusinessHours#NAME} set to the
 * calendar's name (the calendar {@value BusinessCalendar#DEFAULT} is so also {@link BusinessHours#DEFAULT}). Each
 * service answers with the calendar as last read. {@link SlaService} keeps one: it registers them when it starts,
 * calls {@link #sync} after a calendar is saved or deleted commits (re-reads them, registers new names, drops gone ones,
 * moves renamed ones) and {@link #deactivate} when it stops, so uninstalling the cases module takes the services away
 * and rules count clock time until it is back. It is not a service itself (nothing here checks a caller).
 */
final class SlaBusinessHours {
    private static final Logger LOG = LoggerFactory.getLogger(SlaBusinessHours.class);

    private final BundleContext context;
    private final Reader reader;
    private final Map<String, Registered> registered = new HashMap<>();

    /** Reads the stored calendars: the seam for unit tests. */
    @FunctionalInterface
    interface Reader {
        /** @return every stored calendar */
        List<SlaCalendar> calendars();
    }

    /**
     * Registers a service for each stored calendar.
     *
     * @param context registers the services
     * @param reader reads the stored calendars
     */
    SlaBusinessHours(BundleContext context, Reader reader) {
        this.context = context;
        this.reader = reader;
        sync();
    }

    /** Registers a service for each stored calendar as it is now, and drops those of calendars gone. */
    synchronized void sync() {
        Map<String, BusinessCalendar> current = new LinkedHashMap<>();
        try {
            reader.calendars().forEach(c -> current.put(c.name(), c.calendar()));
        } catch (RuntimeException e) { // keep what is registered; the next change tries again
            LOG.warn("Could not read the SLA calendars for business hours: {}", e.toString());
            return;
        }
        registered.entrySet().removeIf(entry -> {
            if (current.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().registration.unregister();
            return true;
        });
        current.forEach((name, calendar) -> {
            Registered old = registered.get(name);
            if (old != null) {
                old.hours.calendar = calendar;
            } else {
                CalendarHours hours = new CalendarHours(calendar);
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(BusinessHours.NAME, name);
                registered.put(name, new Registered(hours,
                        context.registerService(BusinessHours.class, hours, properties)));
            }
        });
    }

    /** Takes every service away. */
    synchronized void deactivate() {
        registered.values().forEach(r -> {
            try {
                r.registration.unregister();
            } catch (IllegalStateException e) { // already gone with the bundle
                LOG.debug("Business hours already unregistered: {}", e.toString());
            }
        });
        registered.clear();
    }

    private record Registered(CalendarHours hours, ServiceRegistration<BusinessHours> registration) {
    }

    /** One calendar's business hours, answering with the calendar as last read. */
    static final class CalendarHours implements BusinessHours {
        private volatile BusinessCalendar calendar;

        CalendarHours(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public ZoneId zone() {
            return calendar.zone();
        }

        @Override
        public boolean isOpen(Instant at) {
            return calendar.isOpen(at);
        }

        @Override
        public Instant nextOpening(Instant at) {
            return calendar.nextOpening(at);
        }

        @Override
        public Instant plus(Instant from, Duration amount) {
            return calendar.plus(from, amount);
        }
    }
}
