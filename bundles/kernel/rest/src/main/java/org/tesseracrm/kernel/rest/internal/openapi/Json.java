package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.Collection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders of the OpenAPI document's JSON Schema pieces (JSON Schema 2020-12, as OpenAPI 3.1 has it). */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** @return {@code {"type": type}} */
    static ObjectNode type(String type) {
        return object().put("type", type);
    }

    /** @return {@code {"type": type, "format": format}} */
    static ObjectNode type(String type, String format) {
        return type(type).put("format", format);
    }

    /** @return {@code {"$ref": "#/components/schemas/<name>"}} */
    static ObjectNode ref(String schema) {
        return object().put("$ref", "#/components/schemas/" + schema);
    }

    /** @return {@code {"type": "array", "items": items}} */
    static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode array = type("array");
        array.set("items", items);
        return array;
    }

    /**
     * @param schema a schema with a single {@code type}
     * @return the same schema that also allows {@code null}: {@code "type": ["string", "null"]} (and {@code null}
     *     among its {@code enum}, if it has one)
     */
    static ObjectNode nullable(ObjectNode schema) {
        if (schema.path("type").isTextual()) {
            ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        if (schema.path("enum").isArray()) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
        return schema;
    }

    /** @return a JSON content map: {@code {"<mediaType>": {"schema": schema}}} */
    static ObjectNode content(String mediaType, ObjectNode schema) {
        ObjectNode content = object();
        content.putObject(mediaType).set("schema", schema);
        return content;
    }
}
