package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tesseracrm.kernel.api.record.FieldType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document of the API as it is at the moment: the record endpoints of each installed type the caller
 * may see ({@link RecordTypeDocs}), the resources modules contribute ({@link ResourceReader}), the shared schemas
 * (the problem document, lookups, notes, attachments), and bearer authentication. A pure function of its inputs, so
 * that it can be tested without a framework.
 */
final class OpenApiDocument {
    /** The OpenAPI version of the document. */
    static final String OPENAPI = "3.1.0";
    /** Paths the record endpoints cover: a contributed resource under them is the generic records resource. */
    static final String RECORDS = "/v1/records";
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiDocument() {
    }

    /**
     * @param version the API's implementation version (the bundle's), for {@code info.version}
     * @param types the record types the caller may see, with their fields
     * @param resources the classes of the contributed resources
     * @param open paths answered without a token
     * @return the document
     */
    static ObjectNode build(String version, List<InstalledType> types, List<Class<?>> resources, Set<String> open) {
        ObjectNode document = Json.object();
        document.put("openapi", OPENAPI);
        ObjectNode info = document.putObject("info");
        info.put("title", "Tessera CRM API");
        info.put("version", version);
        info.put("description", "The REST API of this Tessera CRM installation, generated from what is installed now: "
                + "the record types of its modules with their custom fields, and the resources modules contribute. "
                + "It changes when a module or a custom field is added or removed. Every call but /v1/ping needs a personal "
                + "API token (`Authorization: Bearer TOKEN`) and runs as its user, so this document shows the record types "
                + "that user may see. Errors are application/problem+json (RFC 9457).");
        document.putArray("servers").addObject().put("url", "/api").put("description", "This installation");
        document.putArray("security").addObject().putArray("bearerAuth");

        ObjectNode components = document.putObject("components");
        components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "A personal API token (your profile page, or crm:token-create in the shell)");
        ObjectNode schemas = components.putObject("schemas");
        sharedSchemas(schemas);
        ObjectNode problem = components.putObject("responses").putObject("Problem")
                .put("description", "An error: the status and a problem document saying what went wrong");
        problem.set("content", Json.content(PROBLEM_JSON, Json.ref("Problem")));

        ObjectNode paths = document.putObject("paths");
        ObjectNode typesPath = paths.putObject(RECORDS);
        typesPath.set("get", RecordTypeDocs.operation("Record types", "listRecordTypes",
                "The installed record types the token's user may see, with their fields",
                RecordTypeDocs.responses("200", "The record types", Json.ref("RecordTypeList"))));
        Set<String> operationIds = new HashSet<>();
        operationIds.add("listRecordTypes");
        for (InstalledType type : types) {
            RecordTypeDocs docs = new RecordTypeDocs(type);
            docs.addSchemas(schemas);
            docs.addPaths(paths, schemas);
        }
        paths.forEach(item -> item.forEach(op -> operationIds.add(op.path("operationId").asText())));
        ResourceReader reader = new ResourceReader(paths, new JavaSchemas(schemas), operationIds);
        resources.forEach(resource -> reader.read(resource, List.of(RECORDS), open));
        return document;
    }

    private static void sharedSchemas(ObjectNode schemas) {
        ObjectNode problem = Json.type("object");
        problem.put("description", "A problem document (RFC 9457). Members without a value are left out.");
        problem.set("required", Json.array(List.of("type", "title", "status")));
        ObjectNode properties = problem.putObject("properties");
        properties.set("type", Json.type("string", "uri-reference").put("description", "Always about:blank: the status says what happened"));
        properties.set("title", Json.type("string").put("description", "The status's short description"));
        properties.set("status", Json.type("integer", "int32").put("description", "The HTTP status"));
        properties.set("detail", Json.type("string").put("description", "What went wrong, for a person"));
        properties.set("errorId", Json.type("string").put("description", "A server error's id, also in the server's log"));
        properties.set("errors", Json.arrayOf(Json.ref("FieldProblem")).put("description", "The refused fields or parameters"));
        schemas.set("Problem", problem);
        ObjectNode field = Json.type("object");
        field.set("required", Json.array(List.of("field", "message")));
        ObjectNode fieldProps = field.putObject("properties");
        fieldProps.set("field", Json.type("string").put("description", "The field, parameter or header refused"));
        fieldProps.set("message", Json.type("string").put("description", "Why, for a person"));
        schemas.set("FieldProblem", field);

        schemas.set("LookupItem", object("A record a lookup found", List.of("id", "title"),
                "id", Json.type("integer", "int64"),
                "title", Json.type("string").put("description", "What names the record to people")));
        schemas.set("Note", object("A note on a record", List.of("id", "author", "at", "text"),
                "id", Json.type("integer", "int64"),
                "author", Json.type("string").put("description", "The user name of who wrote it"),
                "at", Json.type("string", "date-time"),
                "text", Json.type("string")));
        schemas.set("NoteInput", object("A new note", List.of("text"), "text", Json.type("string").put("minLength", 1))
                .put("additionalProperties", false));
        schemas.set("Attachment", object("A file attached to a record", List.of("id", "fileName", "mediaType", "size", "sha256",
                "uploadedBy", "at"),
                "id", Json.type("integer", "int64"),
                "fileName", Json.type("string"),
                "mediaType", Json.type("string").put("description", "As recognised from the content"),
                "size", Json.type("integer", "int64").put("description", "Bytes"),
                "sha256", Json.type("string").put("description", "SHA-256 of the content, hexadecimal"),
                "uploadedBy", Json.type("string"),
                "at", Json.type("string", "date-time")));
        schemas.set("FieldChange", object("A field's value before and after a change, as text", List.of("field"),
                "field", Json.type("string"),
                "oldValue", Json.nullable(Json.type("string")),
                "newValue", Json.nullable(Json.type("string"))));
        schemas.set("HistoryEntry", object("One change of a record, from the audit trail", List.of("id", "at", "username",
                "action", "changes"),
                "id", Json.type("integer", "int64"),
                "at", Json.type("string", "date-time"),
                "username", Json.type("string"),
                "action", Json.type("string").put("description", "CREATE, UPDATE, DELETE, ..."),
                "changes", Json.arrayOf(Json.ref("FieldChange")),
                "via", Json.nullable(Json.type("string")).put("description", "api for a change made through the API")));
        for (String item : List.of("Note", "Attachment", "HistoryEntry")) {
            schemas.set(item + "List", object("The " + item + " items", List.of("data"), "data", Json.arrayOf(Json.ref(item))));
        }
        schemas.set("BulkItemResult", object("What happened to one record of a bulk call", List.of("index", "status"),
                "index", Json.type("integer", "int32").put("description", "Its position in the request, from 0"),
                "status", Json.type("integer", "int32").put("description",
                        "201 created, 200 updated, else the status a single call would have answered"),
                "id", Json.type("integer", "int64").put("description", "The record's id, if saved"),
                "version", Json.type("integer", "int64").put("description", "Its version after the save"),
                "problem", Json.ref("Problem")));
        schemas.set("BulkResult", object("The outcome of a bulk call", List.of("mode", "succeeded", "failed", "results"),
                "mode", Json.type("string"),
                "succeeded", Json.type("integer", "int32"),
                "failed", Json.type("integer", "int32"),
                "results", Json.arrayOf(Json.ref("BulkItemResult")).put("description", "One per record, in request order")));
        ObjectNode fieldType = Json.type("string");
        fieldType.set("enum", Json.array(java.util.Arrays.stream(FieldType.values()).map(Enum::name).toList()));
        schemas.set("FieldInfo", object("A field of a record type", List.of("name", "label", "type", "required", "readOnly",
                "maxLength", "sortable", "custom"),
                "name", Json.type("string").put("description", "Its name in a record's JSON, filters, sort and fields="),
                "label", Json.type("string"),
                "type", fieldType,
                "required", Json.type("boolean"),
                "readOnly", Json.type("boolean").put("description", "Whether the CRM sets it"),
                "maxLength", Json.type("integer", "int32").put("description", "The longest text, 0 for no limit"),
                "sortable", Json.type("boolean").put("description", "Whether lists sort and filter by it"),
                "custom", Json.type("boolean").put("description", "Whether an administrator added it"),
                "lookupType", Json.type("string").put("description", "For a lookup: the record type it points at")));
        schemas.set("RecordTypeInfo", object("An installed record type", List.of("id", "label", "pluralLabel", "fields"),
                "id", Json.type("string").put("description", "The record type id, as in /v1/records/{id}"),
                "label", Json.type("string"),
                "pluralLabel", Json.type("string"),
                "fields", Json.arrayOf(Json.ref("FieldInfo"))));
        schemas.set("RecordTypeList", object("The record types", List.of("data"), "data", Json.arrayOf(Json.ref("RecordTypeInfo"))));
    }

    /** @return an object schema with the properties given as name, schema, name, schema... */
    private static ObjectNode object(String description, List<String> required, Object... properties) {
        ObjectNode schema = Json.type("object").put("description", description);
        schema.set("required", Json.array(required));
        ObjectNode props = schema.putObject("properties");
        for (int i = 0; i < properties.length; i += 2) {
            props.set((String) properties[i], (ObjectNode) properties[i + 1]);
        }
        return schema;
    }
}
