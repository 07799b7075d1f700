package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas and paths of one record type's endpoints, {@code /v1/records/<type>...}, as the shared API conventions
 * define them (docs/api-guide.md): {@code <Type>} (a record as {@code RecordJson} writes it), {@code <Type>Input}
 * (what a create or a PATCH takes), {@code <Type>List} (a page), {@code <Type>Bulk} and the paths with their
 * parameters, one deep-object filter parameter per filterable field.
 */
final class RecordTypeDocs {
    /** The API's name of each filter operator, as in {@code lastName[contains]=love}. */
    static final Map<FilterOp, String> OPERATORS = Map.of(FilterOp.CONTAINS, "contains", FilterOp.EQUALS, "eq",
            FilterOp.NOT_EQUALS, "ne", FilterOp.EMPTY, "empty", FilterOp.NOT_EMPTY, "notEmpty", FilterOp.BETWEEN, "between",
            FilterOp.IN, "in");
    /** Query parameters of the list that a field's filter parameter may not take the name of. */
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "sort", "q", "fields");
    private static final String JSON = "application/json";

    private final InstalledType type;
    private final String name;

    RecordTypeDocs(InstalledType type) {
        this.type = type;
        this.name = type.schemaName();
    }

    /** Adds this type's schemas to {@code components/schemas}. */
    void addSchemas(ObjectNode schemas) {
        schemas.set(name, recordSchema());
        schemas.set(name + "Input", inputSchema(false));
        schemas.set(name + "BulkItem", inputSchema(true));
        ObjectNode list = Json.type("object");
        list.put("description", "A page of " + type.pluralLabel() + ": follow next (or the Link header) for the next one.");
        list.set("required", Json.array(List.of("data", "next")));
        ObjectNode listProps = list.putObject("properties");
        listProps.set("data", Json.arrayOf(Json.ref(name)));
        listProps.set("next", Json.nullable(Json.type("string"))
                .put("description", "The cursor of the next page (pass it as cursor=), null on the last page"));
        schemas.set(name + "List", list);
        ObjectNode bulk = Json.type("object");
        bulk.put("description", "Up to 1,000 records: an item with id and version updates that record, any other creates one.");
        bulk.set("required", Json.array(List.of("records")));
        bulk.put("additionalProperties", false);
        ObjectNode bulkProps = bulk.putObject("properties");
        ObjectNode mode = Json.type("string").put("default", "atomic").put("description",
                "atomic: all or nothing (the first refused record rolls back the call); each: every record on its own");
        mode.set("enum", Json.array(List.of("atomic", "each")));
        bulkProps.set("mode", mode);
        bulkProps.set("records", Json.arrayOf(Json.ref(name + "BulkItem")).put("minItems", 1).put("maxItems", 1000));
        schemas.set(name + "Bulk", bulk);
    }

    private ObjectNode recordSchema() {
        ObjectNode schema = Json.type("object");
        schema.put("title", type.label());
        schema.put("description", "One " + type.label() + " record (record type " + type.id() + "). Every field is present unless "
                + "the request chose some with fields=; an empty value is null.");
        schema.set("required", Json.array(List.of(RecordJson.ID, RecordJson.VERSION)));
        ObjectNode properties = schema.putObject("properties");
        properties.set(RecordJson.ID, Json.type("integer", "int64").put("readOnly", true).put("description", "The record's id"));
        properties.set(RecordJson.VERSION, Json.type("integer", "int64").put("readOnly", true)
                .put("description", "The record's version; send it as If-Match: \"<version>\" to update or delete it"));
        for (FieldDefinition field : fields()) {
            ObjectNode property = Json.nullable(valueSchema(field, false));
            property.put("title", field.label());
            property.put("description", describe(field));
            if (!field.importable() || type.setByModule(field.name())) {
                property.put("readOnly", true);
            }
            properties.set(field.name(), property);
        }
        return schema;
    }

    /**
     * @param bulkItem whether it is the item of a bulk call, which may name the id and version of a record to update
     * @return what a create or PATCH takes: the writable fields; a required field cannot be cleared
     */
    private ObjectNode inputSchema(boolean bulkItem) {
        ObjectNode schema = Json.type("object");
        schema.put("title", type.label() + (bulkItem ? " (bulk item)" : " (input)"));
        schema.put("description", "The fields to set. A " + type.label() + " must have "
                + (required().isEmpty() ? "no field in particular" : String.join(", ", required()))
                + " (the CRM fills some itself when a create leaves them out, e.g. the owner: the caller); a PATCH sends only "
                + "the fields it changes. A read-only field is refused (422), an unknown one too (400)."
                + (bulkItem ? " With id and version it updates that record, else it creates one." : ""));
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        if (bulkItem) {
            properties.set(RecordJson.ID, Json.type("integer", "int64").put("description", "The id of the record to update"));
            properties.set(RecordJson.VERSION, Json.type("integer", "int64")
                    .put("description", "The version of the record to update, as read"));
        }
        for (FieldDefinition field : fields()) {
            if (field.importable() && !type.setByModule(field.name())) {
                ObjectNode property = valueSchema(field, true);
                if (!field.required()) {
                    Json.nullable(property);
                }
                property.put("title", field.label());
                property.put("description", describe(field) + (field.required() ? " Required when creating." : " null clears it."));
                properties.set(field.name(), property);
            }
        }
        return schema;
    }

    private List<String> required() {
        return fields().stream().filter(f -> f.importable() && f.required()).map(FieldDefinition::name).toList();
    }

    /** @return the fields {@code RecordJson} writes besides id and version */
    private List<FieldDefinition> fields() {
        return type.fields().stream()
                .filter(f -> !f.name().equals(RecordJson.ID) && !f.name().equals(RecordJson.VERSION)).toList();
    }

    /**
     * @param input whether it is for a create or an update (pick-lists then list their active values as an enum)
     * @return the schema of the field's value, without null
     */
    ObjectNode valueSchema(FieldDefinition field, boolean input) {
        ObjectNode schema = switch (field.type()) {
            case NUMBER, MONEY -> Json.type("number");
            case DATE -> Json.type("string", "date");
            case DATE_TIME -> Json.type("string", "date-time");
            case BOOLEAN -> Json.type("boolean");
            case LOOKUP -> Json.type("integer", "int64");
            case EMAIL -> Json.type("string", "email");
            case URL -> Json.type("string", "uri");
            case MULTI_PICKLIST -> Json.arrayOf(pickList(field, input)).put("uniqueItems", true);
            case PICKLIST -> pickList(field, input);
            default -> Json.type("string");
        };
        if (field.maxLength() > 0 && field.type().textual()) {
            schema.put("maxLength", field.maxLength());
        }
        return schema;
    }

    private ObjectNode pickList(FieldDefinition field, boolean input) {
        ObjectNode schema = Json.type("string");
        List<String> values = type.pickLists().getOrDefault(field.name(), List.of());
        if (input && !values.isEmpty()) {
            schema.set("enum", Json.array(values));
        }
        return schema;
    }

    private String describe(FieldDefinition field) {
        StringBuilder text = new StringBuilder(field.label()).append(" (").append(field.type().name().toLowerCase().replace('_', '-'))
                .append(field.custom() ? ", custom field" : "").append(").");
        switch (field.type()) {
            case LOOKUP -> text.append(" The id of the ").append(field.lookupType().orElse("?"))
                    .append(" record it points at (GET /api/v1/records/").append(field.lookupType().orElse("?")).append("/{id}).");
            case MONEY -> text.append(" An amount with two decimals.");
            case DATE_TIME -> text.append(" A UTC instant; input takes any offset.");
            case USER -> text.append(" A user name.");
            default -> {
            }
        }
        List<String> values = type.pickLists().get(field.name());
        if (values != null && !values.isEmpty()) {
            text.append(" Values: ").append(String.join(", ", values)).append(
                    " (a record may still hold a value that is no longer offered).");
        }
        return text.toString();
    }

    /** Adds this type's paths, and to {@code schemas} the filter schemas its list uses. */
    void addPaths(ObjectNode paths, ObjectNode schemas) {
        String base = "/v1/records/" + type.id();
        String tag = type.pluralLabel();
        ObjectNode collection = paths.putObject(base);
        collection.set("get", list(tag, schemas));
        collection.set("post", create(tag));
        ObjectNode single = paths.putObject(base + "/{id}");
        single.set("parameters", parameters(idParameter("id", "The record's id")));
        single.set("get", read(tag));
        single.set("patch", update(tag));
        single.set("delete", delete(tag));
        paths.putObject(base + "/bulk").set("post", bulk(tag));
        paths.putObject(base + "/lookup").set("get", lookup(tag));
        ObjectNode notes = paths.putObject(base + "/{id}/notes");
        notes.set("parameters", parameters(idParameter("id", "The record's id")));
        notes.set("get", operation(tag, "list" + name + "Notes", "The notes on one " + type.label() + ", newest first",
                responses("200", "The notes", Json.ref("NoteList"))));
        ObjectNode addNote = operation(tag, "add" + name + "Note", "Adds a note to one " + type.label(),
                responses("201", "The note", Json.ref("Note")));
        addNote.set("requestBody", body(Json.ref("NoteInput")));
        notes.set("post", addNote);
        ObjectNode note = paths.putObject(base + "/notes/{noteId}");
        note.set("parameters", parameters(idParameter("noteId", "The note's id")));
        note.set("delete", operation(tag, "delete" + name + "Note", "Deletes a note", noContent()));
        ObjectNode attachments = paths.putObject(base + "/{id}/attachments");
        attachments.set("parameters", parameters(idParameter("id", "The record's id")));
        attachments.set("get", operation(tag, "list" + name + "Attachments", "The files attached to one " + type.label(),
                responses("200", "The attachments", Json.ref("AttachmentList"))));
        ObjectNode upload = operation(tag, "upload" + name + "Attachment",
                "Attaches a file (multipart/form-data, part file; the same types and size limit as in the UI)",
                responses("201", "The attachment", Json.ref("Attachment")));
        ObjectNode form = Json.type("object");
        form.set("required", Json.array(List.of("file")));
        form.putObject("properties").set("file", Json.type("string").put("contentMediaType", "application/octet-stream"));
        ObjectNode uploadBody = Json.object().put("required", true);
        uploadBody.set("content", Json.content("multipart/form-data", form));
        upload.set("requestBody", uploadBody);
        attachments.set("post", upload);
        ObjectNode attachment = paths.putObject(base + "/attachments/{attachmentId}");
        attachment.set("parameters", parameters(idParameter("attachmentId", "The attachment's id")));
        ObjectNode download = operation(tag, "download" + name + "Attachment", "The attached file, with its media type",
                Json.object());
        ObjectNode file = Json.object().put("description", "The file");
        file.putObject("content").putObject("*/*").set("schema", Json.type("string").put("contentMediaType", "application/octet-stream"));
        ((ObjectNode) download.get("responses")).set("200", file);
        errors((ObjectNode) download.get("responses"));
        attachment.set("get", download);
        attachment.set("delete", operation(tag, "delete" + name + "Attachment", "Deletes an attachment", noContent()));
        ObjectNode history = paths.putObject(base + "/{id}/history");
        history.set("parameters", parameters(idParameter("id", "The record's id")));
        history.set("get", operation(tag, "get" + name + "History", "The record's audit trail, newest first",
                responses("200", "The entries", Json.ref("HistoryEntryList"))));
    }

    private ObjectNode list(String tag, ObjectNode schemas) {
        ObjectNode op = operation(tag, "list" + name + "Records", "Lists " + type.pluralLabel()
                + ": a page, sorted, searched and filtered", responses("200", "A page of " + type.pluralLabel(), Json.ref(name + "List")));
        ((ObjectNode) op.get("responses").get("200")).putObject("headers").set("Link", Json.object()
                .put("description", "<...>; rel=\"next\": the address of the next page, absent on the last one")
                .set("schema", Json.type("string")));
        List<ObjectNode> parameters = new ArrayList<>();
        parameters.add(query("limit", "Records per page", Json.type("integer", "int32").put("minimum", 1).put("maximum", 200)
                .put("default", 50)));
        parameters.add(query("cursor", "The next value of the previous page: the page after it", Json.type("string")));
        List<String> sortable = fields().stream().filter(FieldDefinition::sortable).map(FieldDefinition::name).toList();
        parameters.add(query("sort", "Comma-separated field names, - before a name for descending, e.g. "
                + (sortable.isEmpty() ? "-createdAt" : sortable.get(0) + ",-" + sortable.get(sortable.size() - 1))
                + ". Sortable: " + String.join(", ", sortable), Json.type("string")));
        parameters.add(query("q", "Text to search for in the " + type.label() + "'s search fields", Json.type("string")));
        parameters.add(query("fields", "Comma-separated names of the fields to return (id and version always are): "
                + fields().stream().map(FieldDefinition::name).collect(Collectors.joining(", ")), Json.type("string")));
        for (FieldDefinition field : fields()) {
            if (field.sortable() && !LIST_PARAMETERS.contains(field.name())) {
                parameters.add(filter(field, schemas));
            }
        }
        op.set("parameters", parameters(parameters.toArray(ObjectNode[]::new)));
        return op;
    }

    /**
     * @return the deep-object parameter {@code <field>[<op>]=<value>} of one field, whose schema, shared by the fields of
     *     its type ({@code TextFilter}, {@code DateFilter}, ...), has the operators the type allows
     */
    private ObjectNode filter(FieldDefinition field, ObjectNode schemas) {
        ObjectNode schema = Json.type("object");
        schema.put("description", "The operators of a filter on a field of type " + field.type().name()
                + "; each takes a string");
        schema.put("additionalProperties", false);
        ObjectNode ops = schema.putObject("properties");
        List<String> names = new ArrayList<>();
        for (FilterOp op : FilterOp.values()) {
            if (op.allows(field.type())) {
                String opName = OPERATORS.get(op);
                names.add(opName);
                ops.set(opName, Json.type("string").put("description", switch (op) {
                    case EMPTY, NOT_EMPTY -> op.label() + " (the value is ignored; send it empty)";
                    case BETWEEN -> "between two values, both included: from,to (a blank bound is open)";
                    case IN -> "is any of: comma-separated values";
                    default -> op.label();
                }));
            }
        }
        String schemaName = filterSchema(field.type());
        if (!schemas.has(schemaName)) {
            schemas.set(schemaName, schema);
        }
        ObjectNode parameter = query(field.name(), "Filter by " + field.label() + ": " + field.name() + "[<op>]=<value>, op one of "
                + String.join(", ", names) + ", e.g. " + field.name() + "[" + names.get(0) + "]=" + example(field),
                Json.ref(schemaName));
        parameter.put("style", "deepObject").put("explode", true);
        return parameter;
    }

    /** @return {@code DATE_TIME} → {@code DateTimeFilter} */
    static String filterSchema(FieldType type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.append("Filter").toString();
    }

    private static String example(FieldDefinition field) {
        return switch (field.type()) {
            case DATE -> "2026-01-01,2026-12-31";
            case DATE_TIME -> "2026-01-01T00:00:00Z,2026-12-31T23:59:59Z";
            case NUMBER, MONEY -> "100,500";
            case BOOLEAN -> "true";
            case LOOKUP -> "12";
            default -> "text";
        };
    }

    private ObjectNode create(String tag) {
        ObjectNode op = operation(tag, "create" + name + "Record", "Creates one " + type.label(),
                responses("201", "The new " + type.label(), Json.ref(name)));
        ObjectNode headers = ((ObjectNode) op.get("responses").get("201")).putObject("headers");
        headers.set("Location", header("The new record's address"));
        headers.set("ETag", header("\"<version>\""));
        op.set("requestBody", body(Json.ref(name + "Input")));
        return op;
    }

    private ObjectNode read(String tag) {
        ObjectNode op = operation(tag, "get" + name + "Record", "Reads one " + type.label(),
                responses("200", "The " + type.label(), Json.ref(name)));
        ((ObjectNode) op.get("responses").get("200")).putObject("headers").set("ETag", header("\"<version>\""));
        return op;
    }

    private ObjectNode update(String tag) {
        ObjectNode op = operation(tag, "update" + name + "Record", "Changes the fields of one " + type.label() + " that the body names",
                responses("200", "The changed " + type.label(), Json.ref(name)));
        ((ObjectNode) op.get("responses").get("200")).putObject("headers").set("ETag", header("\"<version>\""));
        op.set("parameters", parameters(ifMatch(true)));
        op.set("requestBody", body(Json.ref(name + "Input")));
        return op;
    }

    private ObjectNode delete(String tag) {
        ObjectNode op = operation(tag, "delete" + name + "Record", "Deletes one " + type.label(), noContent());
        op.set("parameters", parameters(ifMatch(false)));
        return op;
    }

    private ObjectNode bulk(String tag) {
        ObjectNode op = operation(tag, "bulk" + name + "Records", "Creates and updates up to 1,000 " + type.pluralLabel()
                + " in one call", responses("200", "One result per record, in order", Json.ref("BulkResult")));
        op.set("requestBody", body(Json.ref(name + "Bulk")));
        return op;
    }

    private ObjectNode lookup(String tag) {
        ObjectNode op = operation(tag, "lookup" + name + "Records", "Finds " + type.pluralLabel() + " by title (for a lookup field)",
                responses("200", "The matches", Json.arrayOf(Json.ref("LookupItem"))));
        op.set("parameters", parameters(query("q", "Text the title contains", Json.type("string")),
                query("limit", "At most this many matches", Json.type("integer", "int32").put("minimum", 1).put("maximum", 200)
                        .put("default", 20))));
        return op;
    }

    private ObjectNode ifMatch(boolean required) {
        ObjectNode parameter = Json.object().put("name", "If-Match").put("in", "header").put("required", required)
                .put("description", required
                        ? "\"<version>\" of the record as read (its ETag): 428 without it, 412 if the record changed since"
                        : "\"<version>\" of the record as read: 412 if it changed since");
        parameter.set("schema", Json.type("string"));
        parameter.put("example", "\"1\"");
        return parameter;
    }

    static ObjectNode operation(String tag, String operationId, String summary, ObjectNode responses) {
        ObjectNode op = Json.object();
        op.set("tags", Json.array(List.of(tag)));
        op.put("operationId", operationId);
        op.put("summary", summary);
        errors(responses);
        op.set("responses", responses);
        return op;
    }

    static ObjectNode responses(String status, String description, ObjectNode schema) {
        ObjectNode responses = Json.object();
        ObjectNode response = responses.putObject(status).put("description", description);
        response.set("content", Json.content(JSON, schema));
        return responses;
    }

    static ObjectNode noContent() {
        ObjectNode responses = Json.object();
        responses.putObject("204").put("description", "Done");
        return responses;
    }

    /** Adds the error answers every operation may give: problem documents. */
    static void errors(ObjectNode responses) {
        responses.set("default", Json.object().put("$ref", "#/components/responses/Problem"));
    }

    static ObjectNode body(ObjectNode schema) {
        ObjectNode body = Json.object().put("required", true);
        body.set("content", Json.content(JSON, schema));
        return body;
    }

    private static ObjectNode header(String description) {
        ObjectNode header = Json.object().put("description", description);
        header.set("schema", Json.type("string"));
        return header;
    }

    static ObjectNode idParameter(String name, String description) {
        ObjectNode parameter = Json.object().put("name", name).put("in", "path").put("required", true)
                .put("description", description);
        parameter.set("schema", Json.type("integer", "int64"));
        return parameter;
    }

    static ObjectNode query(String name, String description, ObjectNode schema) {
        ObjectNode parameter = Json.object().put("name", name).put("in", "query").put("required", false)
                .put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    static ArrayNode parameters(ObjectNode... parameters) {
        ArrayNode array = Json.NODES.arrayNode();
        for (ObjectNode parameter : parameters) {
            array.add(parameter);
        }
        return array;
    }
}
