package org.tesseracrm.kernel.api.automation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.tesseracrm.kernel.api.record.RecordEvents;

/**
 * That a trigger happened to a record: what a bundle contributing a {@link Trigger} posts on OSGi Event Admin,
 * after the change that caused it commits (never for one that rolled back), on topic {@link #topic(String)
 * org/tesseracrm/automation/trigger/<trigger id, a dot as _>} with the properties of {@link #properties()}. The engine
 * subscribes to {@link #ALL_TOPICS}, asks the trigger whether each rule's configuration {@link Trigger#matches
 * matches}, and runs the rules that do. The engine's own triggers (record created, updated, field changed, deleted)
 * come from {@link org.tesseracrm.kernel.api.record.RecordEvents} and reach actions as events of this form too.
 *
 * @param trigger the id of the {@link Trigger} that happened
 * @param recordType the record type id of the record it happened to
 * @param recordId the record's id
 * @param actor the user name of who caused it, or {@code system}
 * @param at when it happened
 * @param details what the trigger tells about it, by name, e.g. {@code from} and {@code to} of a changed field or
 *     the {@code source} of a received lead; documented by each trigger; may be empty
 */
public record TriggerEvent(String trigger, String recordType, long recordId, String actor, Instant at,
        Map<String, String> details) {
    /** Prefix of every trigger topic. */
    public static final String TOPIC_PREFIX = "org/tesseracrm/automation/trigger/";
    /** Topic wildcard for every trigger event. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";
    /** Property: the trigger id (String). */
    public static final String TRIGGER = "automation.trigger";
    /** Property: the record type id (String), named as in record events. */
    public static final String RECORD_TYPE = RecordEvents.TYPE;
    /** Property: the record id (Long), named as in record events. */
    public static final String RECORD_ID = RecordEvents.ID;
    /** Property: the actor (String), named as in record events. */
    public static final String ACTOR = RecordEvents.ACTOR;
    /** Property: when, as epoch milliseconds (Long). */
    public static final String AT = "automation.at";
    /** Prefix of the properties holding the details, e.g. {@code automation.detail.source} (String). */
    public static final String DETAIL_PREFIX = "automation.detail.";

    /** Checks the parts are present and keeps an unmodifiable copy of the details. */
    public TriggerEvent {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        details = Map.copyOf(details);
    }

    /**
     * @param trigger a trigger id
     * @return the event topic for it: the prefix and the id with each character an Event Admin topic may not hold
     *     (anything but letters, digits, {@code -} and {@code _}; a module's prefix dot, as in {@code leads.received})
     *     written as {@code _}, since {@code new Event} refuses such a topic; the id itself travels in the property
     *     {@link #TRIGGER}
     */
    public static String topic(String trigger) {
        return TOPIC_PREFIX + trigger.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** @return the event as Event Admin properties, for {@code new Event(topic(trigger), properties())} */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(TRIGGER, trigger);
        properties.put(RECORD_TYPE, recordType);
        properties.put(RECORD_ID, recordId);
        properties.put(ACTOR, actor);
        properties.put(AT, at.toEpochMilli());
        details.forEach((name, value) -> properties.put(DETAIL_PREFIX + name, value));
        return properties;
    }

    /**
     * @param properties the properties of an event on a trigger topic, by name (as an Event's property names and
     *     values give them)
     * @return the trigger event they describe
     * @throws IllegalArgumentException if a property of the event is missing or of another type
     */
    public static TriggerEvent of(Map<String, ?> properties) {
        Map<String, String> details = new HashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(DETAIL_PREFIX) && value != null) {
                details.put(name.substring(DETAIL_PREFIX.length()), value.toString());
            }
        });
        try {
            return new TriggerEvent((String) properties.get(TRIGGER), (String) properties.get(RECORD_TYPE),
                    (Long) properties.get(RECORD_ID), (String) properties.get(ACTOR),
                    Instant.ofEpochMilli((Long) properties.get(AT)), details);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("Not a trigger event: " + properties.keySet(), e);
        }
    }
}
