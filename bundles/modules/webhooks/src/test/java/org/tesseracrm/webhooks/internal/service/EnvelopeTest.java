package org.tesseracrm.webhooks.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EnvelopeTest {
    @Test
    void writesTheDocumentedShapeWithTheRecordAsTheApiDoes() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", 12L);
        record.put("version", 3L);
        record.put("lastName", "Lovelace");
        record.put("birthDate", null);
        record.put("tags", List.of("vip", "press"));
        String json = new Envelope("3f1c-uuid", Envelope.event("contact", "UPDATED"), Instant.parse("2026-12-05T09:30:00.123456Z"),
                "admin", List.of("lastName", "email"), Optional.of(record)).json();
        assertEquals("{\"id\":\"3f1c-uuid\",\"event\":\"contact.updated\",\"occurredAt\":\"2026-12-05T09:30:00.123Z\","
                + "\"actor\":\"admin\",\"changedFields\":[\"email\",\"lastName\"],\"record\":{\"id\":12,\"version\":3,"
                + "\"lastName\":\"Lovelace\",\"birthDate\":null,\"tags\":[\"vip\",\"press\"]}}", json);
    }

    @Test
    void aTestEventHasNoRecord() {
        String json = new Envelope("u", Envelope.TEST_EVENT, Instant.parse("2026-12-05T09:30:00Z"), "admin", List.of(), Optional.empty())
                .json();
        assertEquals("{\"id\":\"u\",\"event\":\"webhook.test\",\"occurredAt\":\"2026-12-05T09:30:00Z\",\"actor\":\"admin\","
                + "\"changedFields\":[],\"record\":null}", json);
    }

    @Test
    void namesEventsTypeDotAction() {
        assertEquals("company.merged", Envelope.event("company", "MERGED"));
        assertEquals("activity.completed", Envelope.event("activity", "COMPLETED"));
    }
}
