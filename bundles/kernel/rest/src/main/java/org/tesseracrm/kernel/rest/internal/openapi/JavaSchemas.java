package org.tesseracrm.kernel.rest.internal.openapi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of the Java types a contributed resource takes and answers, as Jackson writes them: records become
 * component schemas named by their simple name (a second record of the same name gets a number), their components
 * its properties (reference types may be null); collections become arrays, maps objects, {@code Optional} its
 * content or null, enums strings with their constants. Anything else (a {@code JsonNode}, a {@code Map} of objects,
 * a {@code Response}) is any JSON.
 */
final class JavaSchemas {
    private final ObjectNode components;
    private final Map<String, Class<?>> named = new java.util.HashMap<>();

    /** @param components {@code components/schemas}, where record schemas go */
    JavaSchemas(ObjectNode components) {
        this.components = components;
    }

    /** @return the schema of a value of the type, never null: {@code {}} (any) when nothing more is known */
    ObjectNode schema(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Json.arrayOf(schema(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = Json.type("object");
                map.set("additionalProperties", schema(arguments[1]));
                return map;
            }
            if (raw == Optional.class) {
                return nullable(schema(arguments[0]));
            }
            return schema(raw);
        }
        if (type instanceof GenericArrayType array) {
            return Json.arrayOf(schema(array.getGenericComponentType()));
        }
        if (!(type instanceof Class<?> cls)) {
            return Json.object();
        }
        return classSchema(cls);
    }

    private ObjectNode classSchema(Class<?> cls) {
        if (cls == String.class || cls == char.class || cls == Character.class) {
            return Json.type("string");
        }
        if (cls == int.class || cls == Integer.class || cls == short.class || cls == Short.class || cls == byte.class
                || cls == Byte.class) {
            return Json.type("integer", "int32");
        }
        if (cls == long.class || cls == Long.class || cls == BigInteger.class) {
            return Json.type("integer", "int64");
        }
        if (cls == double.class || cls == Double.class || cls == float.class || cls == Float.class || cls == BigDecimal.class) {
            return Json.type("number");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return Json.type("boolean");
        }
        if (cls == LocalDate.class) {
            return Json.type("string", "date");
        }
        if (cls == Instant.class || cls == OffsetDateTime.class || cls == ZonedDateTime.class || cls == LocalDateTime.class) {
            return Json.type("string", "date-time");
        }
        if (cls.isEnum()) {
            ObjectNode schema = Json.type("string");
            schema.set("enum", Json.array(Arrays.stream(cls.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()));
            return schema;
        }
        if (cls.isArray()) {
            return Json.arrayOf(classSchema(cls.getComponentType()));
        }
        if (cls.isRecord()) {
            return Json.ref(recordSchema(cls));
        }
        return Json.object();
    }

    /** @return the name of the record's component schema, added on first use */
    private String recordSchema(Class<?> record) {
        String base = record.getSimpleName();
        String name = base;
        for (int i = 2; components.has(name); i++) {
            if (named.get(name) == record) {
                return name;
            }
            name = base + i;
        }
        ObjectNode schema = Json.type("object");
        named.put(name, record);
        components.set(name, schema); // before the components: a record may contain itself
        ObjectNode properties = schema.putObject("properties");
        java.util.List<String> required = new java.util.ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            ObjectNode property = schema(component.getGenericType());
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            } else if (component.getType() != Optional.class) {
                property = nullable(property);
            }
            properties.set(component.getName(), property);
        }
        schema.set("required", Json.array(required));
        return name;
    }

    /** @return the schema or null: a reference is wrapped, since a {@code $ref} cannot take a type of its own */
    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("$ref")) {
            ObjectNode either = Json.object();
            either.putArray("oneOf").add(schema).add(Json.type("null"));
            return either;
        }
        return schema.isEmpty() ? schema : Json.nullable(schema);
    }
}
