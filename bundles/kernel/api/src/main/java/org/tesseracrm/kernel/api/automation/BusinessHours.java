package org.tesseracrm.kernel.api.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A company's business hours, for actions whose deadlines "respect business hours": registered as a whiteboard
 * service by a bundle that keeps such calendars (the service desk's SLA calendars are the intended first), with the
 * service property {@link #NAME}; the engine uses the one named {@link #DEFAULT} unless a rule names another.
 * Without any, deadlines are plain clock time.
 */
@ConsumerType
public interface BusinessHours {
    /** Service property: the calendar's name. */
    String NAME = "crm.business.hours";
    /** The name of the calendar used when a rule names none. */
    String DEFAULT = "Default";

    /** @return the time zone the hours are in, and in which calendar days and months are counted */
    ZoneId zone();

    /**
     * @param at an instant
     * @return whether it lies within business hours
     */
    boolean isOpen(Instant at);

    /**
     * @param at an instant
     * @return {@code at} when it lies within business hours, else the next instant business hours open
     */
    Instant nextOpening(Instant at);

    /**
     * @param from where to start counting; outside hours, counting starts at the next opening
     * @param amount business time to add, not negative; zero gives {@code from}
     * @return the instant when that much business time has passed; an amount that ends exactly at a closing gives
     *     that closing instant, not the next opening
     */
    Instant plus(Instant from, Duration amount);
}
