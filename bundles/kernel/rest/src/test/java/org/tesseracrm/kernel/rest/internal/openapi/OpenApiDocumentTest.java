package org.tesseracrm.kernel.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.rest.internal.MeResource;
import org.tesseracrm.kernel.rest.internal.PingResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

class OpenApiDocumentTest {
    private static final List<FieldDefinition> CONTACT = List.of(
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 254),
            FieldDefinition.predefined("birthday", "Birthday", FieldType.DATE, "BIRTHDAY", false, 0),
            FieldDefinition.predefined("engagement", "Engagement", FieldType.NUMBER, "ENGAGEMENT", false, 0),
            FieldDefinition.predefined("stage", "Stage", FieldType.PICKLIST, "STAGE", false, 0),
            FieldDefinition.predefined("tags", "Tags", FieldType.MULTI_PICKLIST, "TAGS", false, 0),
            new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false, Optional.of("company")),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            new FieldDefinition("cf_score", "Score", FieldType.NUMBER, false, 0, true, "CF_SCORE", true, Optional.empty()),
            new FieldDefinition("cf_notes", "Notes", FieldType.LONG_TEXT, false, 0, false, "CF_NOTES", true, Optional.empty()),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0));
    private static final InstalledType CONTACTS = new InstalledType("contact", "Contact", "Contacts", CONTACT,
            Map.of("stage", List.of("Lead", "Customer"), "tags", List.of("VIP")), Set.of("engagement"));

    private static ObjectNode document(List<Class<?>> resources) {
        return OpenApiDocument.build("1.0.0", List.of(CONTACTS), resources, Set.of("/v1/ping"));
    }

    @Test
    void describesARecordTypeAsRecordJsonWritesIt() {
        JsonNode contact = document(List.of()).at("/components/schemas/Contact");
        assertEquals("[\"id\",\"version\"]", contact.get("required").toString());
        JsonNode props = contact.get("properties");
        assertTrue(props.at("/id/readOnly").asBoolean());
        assertEquals("[\"string\",\"null\"]", props.at("/lastName/type").toString());
        assertEquals(100, props.at("/lastName/maxLength").asInt());
        assertEquals("email", props.at("/email/format").asText());
        assertEquals("date", props.at("/birthday/format").asText());
        assertEquals("date-time", props.at("/createdAt/format").asText());
        assertTrue(props.at("/createdAt/readOnly").asBoolean());
        assertTrue(props.at("/engagement/readOnly").asBoolean(), "the module sets it");
        assertFalse(props.at("/email").has("readOnly"));
        assertEquals("[\"integer\",\"null\"]", props.at("/company/type").toString());
        assertTrue(props.at("/company/description").asText().contains("company record"), props.at("/company").toString());
        assertEquals("[\"array\",\"null\"]", props.at("/tags/type").toString());
        assertEquals("[\"number\",\"null\"]", props.at("/cf_score/type").toString());
        assertTrue(props.at("/cf_score/description").asText().contains("custom field"));
        assertFalse(props.at("/stage").has("enum"), "a stored value may be one no longer offered");
    }

    @Test
    void inputTakesTheWritableFieldsOnlyAndOffersThePickListValues() {
        JsonNode input = document(List.of()).at("/components/schemas/ContactInput");
        assertFalse(input.get("additionalProperties").asBoolean());
        JsonNode props = input.get("properties");
        assertFalse(props.has("id") || props.has("version") || props.has("createdAt") || props.has("engagement"),
                props.toString());
        assertEquals("\"string\"", props.at("/lastName/type").toString(), "a required field cannot be cleared");
        assertEquals("[\"Lead\",\"Customer\",null]", props.at("/stage/enum").toString());
        assertEquals("[\"VIP\"]", props.at("/tags/items/enum").toString());
        assertTrue(input.get("description").asText().contains("must have lastName, owner"), input.get("description").asText());
    }

    @Test
    void listsWithCursorAndOneFilterParameterPerFilterableField() {
        ObjectNode document = document(List.of());
        JsonNode list = document.at("/paths/~1v1~1records~1contact/get");
        assertEquals("listContactRecords", list.get("operationId").asText());
        assertEquals("#/components/schemas/ContactList", list.at("/responses/200/content/application~1json/schema/$ref").asText());
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        list.get("parameters").forEach(p -> parameters.put(p.get("name").asText(), p));
        assertEquals(200, parameters.get("limit").at("/schema/maximum").asInt());
        assertEquals("deepObject", parameters.get("lastName").get("style").asText());
        assertEquals("#/components/schemas/TextFilter", parameters.get("lastName").at("/schema/$ref").asText());
        JsonNode schemas = document.at("/components/schemas");
        assertEquals(Set.of("contains", "eq", "ne", "empty", "notEmpty"), names(schemas.at("/TextFilter/properties")));
        assertEquals(Set.of("eq", "ne", "empty", "notEmpty", "between"), names(schemas.at("/DateFilter/properties")));
        assertEquals(Set.of("empty", "notEmpty", "in"), names(schemas.at("/MultiPicklistFilter/properties")));
        assertFalse(parameters.containsKey("cf_notes"), "not filterable");
        JsonNode patch = document.at("/paths/~1v1~1records~1contact~1{id}/patch");
        assertTrue(patch.get("parameters").get(0).get("required").asBoolean());
        assertEquals("If-Match", patch.get("parameters").get(0).get("name").asText());
        assertEquals("#/components/responses/Problem", patch.at("/responses/default/$ref").asText());
        assertTrue(document.at("/paths/~1v1~1records~1contact/post/responses/201/headers").has("ETag"));
    }

    @Test
    void readsContributedResourcesFromTheirAnnotations() {
        ObjectNode document = document(List.of(MeResource.class, PingResource.class, Conversions.class, RecordsLike.class));
        assertEquals("#/components/schemas/Me", document.at("/paths/~1v1~1me/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(document.at("/components/schemas/Me/properties/token").has("oneOf"), "a nullable record");
        assertEquals("[\"string\",\"null\"]", document.at("/components/schemas/TokenView/properties/expiresAt/type").toString());
        assertEquals("[]", document.at("/paths/~1v1~1ping/get/security").toString(), "the ping needs no token");
        JsonNode convert = document.at("/paths/~1v1~1leads~1{id}~1conversion/post");
        assertEquals("convert", convert.get("operationId").asText());
        assertEquals("Convert", convert.get("summary").asText());
        assertEquals("#/components/schemas/Conversion", convert.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("integer", convert.at("/parameters/0/schema/type").asText());
        assertEquals("header", convert.at("/parameters/1/in").asText());
        assertEquals("true", convert.at("/parameters/2/schema/default").asText());
        assertTrue(document.at("/paths/~1v1~1leads~1{id}~1conversion/delete/responses").has("204"));
        assertFalse(document.at("/paths/~1v1~1records~1{type}").isObject(), "the generic records resource is described per type");
    }

    @Test
    void isAValidOpenApi31Document() throws Exception {
        String json = new ObjectMapper().writeValueAsString(document(List.of(MeResource.class, PingResource.class, Conversions.class)));
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void sharedSchemasHaveTheMembersTheRecordsResourceWrites() {
        JsonNode schemas = document(List.of()).at("/components/schemas");
        Map<String, String> views = Map.of("LookupItem", "Views$LookupView", "Note", "Views$NoteView", "NoteInput",
                "Views$NoteInput", "Attachment", "Views$AttachmentView", "HistoryEntry", "Views$HistoryView", "FieldInfo",
                "Views$FieldView", "RecordTypeInfo", "Views$TypeView", "BulkItemResult", "BulkWriter$Result", "BulkResult",
                "BulkWriter$Answer", "RecordTypeList", "Views$Data");
        views.forEach((schema, view) -> {
            Class<?> written;
            try {
                written = Class.forName("org.tesseracrm.kernel.rest.internal.records." + view);
            } catch (ClassNotFoundException e) {
                org.junit.jupiter.api.Assumptions.abort("the records resource has no " + view);
                return;
            }
            Set<String> members = new java.util.HashSet<>();
            for (var component : written.getRecordComponents()) {
                members.add(component.getName());
            }
            assertEquals(members, names(schemas.at("/" + schema + "/properties")), schema + " is " + view);
        });
        assertEquals(Set.of("mode", "records"), names(schemas.at("/ContactBulk/properties")));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A module's resource. */
    @Path("v1/leads/{id: [0-9]+}/conversion")
    public static class Conversions {
        /** What a conversion takes. */
        public record Conversion(String companyName, boolean createOpportunity) {
        }

        @POST
        public Conversion convert(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                @QueryParam("notify") @DefaultValue("true") boolean notify, Conversion conversion) {
            return conversion;
        }

        @DELETE
        public void undo(@PathParam("id") long id) {
        }
    }

    /** The generic records resource, which the document describes per type instead. */
    @Path("v1/records")
    public static class RecordsLike {
        @jakarta.ws.rs.GET
        @Path("{type}")
        public String list(@PathParam("type") String type) {
            return type;
        }
    }
}
