package org.tesseracrm.kernel.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.rest.internal.PingResource;

import com.fasterxml.jackson.databind.ObjectMapper;

class DocumentMemoTest {
    private final AtomicInteger builds = new AtomicInteger();
    private final DocumentMemo memo = new DocumentMemo(2);

    private static InstalledType contact(String pickValue, FieldDefinition... custom) {
        List<FieldDefinition> fields = new ArrayList<>(List.of(
                FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
                FieldDefinition.predefined("stage", "Stage", FieldType.PICKLIST, "STAGE", false, 0)));
        fields.addAll(List.of(custom));
        return new InstalledType("contact", "Contact", "Contacts", fields, Map.of("stage", List.of("Lead", pickValue)),
                Set.of());
    }

    private byte[] serve(InstalledType type, List<Class<?>> resources) {
        return memo.get("1.0.0", List.of(type), resources, (version, types, classes) -> {
            builds.incrementAndGet();
            return OpenApiDocument.build(version, types, classes, Set.of("/v1/ping"));
        });
    }

    @Test
    void equalInputsAreServedTheDocumentBuiltOnce() throws Exception {
        byte[] first = serve(contact("Customer"), List.of(PingResource.class));
        byte[] again = serve(contact("Customer"), List.of(PingResource.class));
        assertSame(first, again);
        assertEquals(1, builds.get());
        String json = new String(first, StandardCharsets.UTF_8);
        assertEquals(OpenApiDocument.build("1.0.0", List.of(contact("Customer")), List.of(PingResource.class),
                Set.of("/v1/ping")), new ObjectMapper().readTree(json), "the document as built, written out");
    }

    @Test
    void aNewCustomFieldAPickListValueOrAResourceBuildsItAgain() {
        byte[] plain = serve(contact("Customer"), List.of());
        FieldDefinition score = new FieldDefinition("cf_score", "Score", FieldType.NUMBER, false, 0, true, "CF_SCORE",
                true, Optional.empty());
        byte[] withField = serve(contact("Customer", score), List.of());
        assertNotSame(plain, withField);
        assertTrue(new String(withField, StandardCharsets.UTF_8).contains("\"cf_score\""));
        byte[] withValue = serve(contact("Partner", score), List.of());
        assertTrue(new String(withValue, StandardCharsets.UTF_8).contains("\"Partner\""));
        byte[] withResource = serve(contact("Partner", score), List.of(PingResource.class));
        assertTrue(new String(withResource, StandardCharsets.UTF_8).contains("/v1/ping"));
        assertEquals(4, builds.get());
    }

    @Test
    void keepsOnlyTheLastFewDocuments() {
        byte[] a = serve(contact("A"), List.of());
        serve(contact("B"), List.of());
        serve(contact("A"), List.of()); // A is now the most recently served
        serve(contact("C"), List.of()); // B goes
        assertEquals(2, memo.kept());
        assertEquals(3, builds.get());
        assertSame(a, serve(contact("A"), List.of()));
        serve(contact("B"), List.of());
        assertEquals(4, builds.get(), "B was built again");
        assertArrayEquals(a, serve(contact("A"), List.of()), "A is the same document whether kept or built again");
    }
}
