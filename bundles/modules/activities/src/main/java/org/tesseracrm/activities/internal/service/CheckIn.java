package org.tesseracrm.activities.internal.service;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A visit to a customer: in person, with the browser's position, or by joining a video check-in.
 *
 * @param id the check-in id
 * @param username who checked in
 * @param recordType the record type of the customer record
 * @param recordId the customer record
 * @param recordTitle its title at the time
 * @param kind {@code physical} or {@code video}
 * @param at when (UTC)
 * @param latitude the browser's position, for a physical check-in that shared it
 * @param longitude see latitude
 * @param activityId the video check-in meeting joined, or 0
 */
public record CheckIn(long id, String username, String recordType, long recordId, String recordTitle, String kind,
        LocalDateTime at, Optional<Double> latitude, Optional<Double> longitude, long activityId) {
    /** Kind of a check-in made on site. */
    public static final String PHYSICAL = "physical";
    /** Kind of a check-in made by joining a video check-in. */
    public static final String VIDEO = "video";
}
