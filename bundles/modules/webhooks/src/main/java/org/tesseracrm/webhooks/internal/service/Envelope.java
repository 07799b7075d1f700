package org.tesseracrm.webhooks.internal.service;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The body of a delivery: {@code {"id", "event", "occurredAt", "actor", "changedFields", "record"}}, where the record
 * is the REST API's representation ({@code RecordJson}), and for a deleted record only its id.
 *
 * @param id the delivery's id (a UUID), the same on every attempt
 * @param event {@code <record type>.<action>}, e.g. {@code contact.updated}; {@code webhook.test} for a test
 * @param occurredAt when the change was heard, UTC, to the millisecond
 * @param actor the user name of who made the change
 * @param changedFields the fields that changed, sorted (every field for created and deleted)
 * @param record the record, if there is one
 * @param trigger for a call by a workflow rule ({@link CallWebhookAction}): the trigger, rule and details; the key
 *     {@code trigger} is left out of other bodies
 */
record Envelope(String id, String event, Instant occurredAt, String actor, List<String> changedFields,
        Optional<Map<String, Object>> record, Optional<Map<String, Object>> trigger) {
    /** The test event's name. */
    static final String TEST_EVENT = "webhook.test";
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** A body without a trigger: a record event's or a test's. */
    Envelope(String id, String event, Instant occurredAt, String actor, List<String> changedFields,
            Optional<Map<String, Object>> record) {
        this(id, event, occurredAt, actor, changedFields, record, Optional.empty());
    }

    /** @return the event name of a record action, e.g. {@code contact.updated} */
    static String event(String recordType, String action) {
        return recordType + "." + action.toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the body, UTF-8 JSON */
    String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("event", event);
        body.put("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("actor", actor);
        body.put("changedFields", changedFields.stream().sorted().toList());
        body.put("record", record.orElse(null));
        trigger.ifPresent(t -> body.put("trigger", t));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A record's JSON form could not be written", e);
        }
    }
}
