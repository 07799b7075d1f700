package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Note;

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
                + "API token (Authorization: Bearer <token>) and runs as its user, so this document shows the record types "
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
                RecordTypeDocs.responses("200", "The record types", Json.arrayOf(Json.ref("RecordTypeInfo")))));
        Set<String> operationIds = new HashSet<>();
        operationIds.add("listRecordTypes");
        for (InstalledType type : types) {
            RecordTypeDocs docs = new RecordTypeDocs(type);
            docs.addSchemas(schemas);
            docs.addPaths(paths);
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

        ObjectNode lookup = Json.type("object");
        lookup.set("required", Json.array(List.of("id", "title")));
        lookup.putObject("properties").<ObjectNode>set("id", Json.type("integer", "int64"))
                .set("title", Json.type("string").put("description", "What names the record to people"));
        schemas.set("LookupItem", lookup);

        JavaSchemas java = new JavaSchemas(schemas);
        java.schema(Note.class);
        java.schema(Attachment.class);
        ObjectNode noteInput = Json.type("object");
        noteInput.put("additionalProperties", false);
        noteInput.set("required", Json.array(List.of("text")));
        noteInput.putObject("properties").set("text", Json.type("string").put("minLength", 1));
        schemas.set("NoteInput", noteInput);
        schemas.set("HistoryEntry", Json.type("object").put("description", "An entry of a record's audit trail"));
        schemas.set("BulkResult", Json.type("object").put("description", "The outcome of each record of a bulk call"));

        ObjectNode typeInfo = Json.type("object");
        typeInfo.set("required", Json.array(List.of("id", "label", "pluralLabel", "fields")));
        ObjectNode typeProps = typeInfo.putObject("properties");
        typeProps.set("id", Json.type("string").put("description", "The record type id, as in /v1/records/{id}"));
        typeProps.set("label", Json.type("string"));
        typeProps.set("pluralLabel", Json.type("string"));
        typeProps.set("fields", Json.arrayOf(Json.type("object").put("description", "A field: its name, label, type...")));
        schemas.set("RecordTypeInfo", typeInfo);
    }
}
