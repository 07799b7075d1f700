package org.tesseracrm.kernel.rest.internal.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Describes the operations of contributed resources from their Jakarta REST annotations, in place of a full
 * OpenAPI reader: the class's and method's {@code @Path} (relative to {@code /api}), the HTTP method annotation,
 * {@code @PathParam}, {@code @QueryParam} and {@code @HeaderParam} parameters with their Java types (and
 * {@code @DefaultValue}), the one unannotated parameter as the JSON request body, {@code @Consumes}/{@code @Produces},
 * and the return type as the answer ({@code void}: 204; {@code Response}: any JSON). The operation id is the method's
 * name (the class's name before it when two resources use the same), the tag the class's simple name without
 * {@code Resource}. Sub-resource locators (a {@code @Path} method without an HTTP method) are not followed.
 */
final class ResourceReader {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^{}]*(?:\\{[^{}]*}[^{}]*)*)?}");

    private final ObjectNode paths;
    private final JavaSchemas schemas;
    private final Set<String> operationIds;

    /**
     * @param paths the document's {@code paths}
     * @param schemas where the records the resources use become component schemas
     * @param operationIds the operation ids already taken
     */
    ResourceReader(ObjectNode paths, JavaSchemas schemas, Set<String> operationIds) {
        this.paths = paths;
        this.schemas = schemas;
        this.operationIds = operationIds;
    }

    /**
     * Adds the operations of a resource class; those whose path a {@code skip} prefix matches are left out.
     *
     * @param resource a class with {@code @Path}
     * @param skip path prefixes documented otherwise (e.g. {@code /v1/records})
     * @param open paths answered without a token
     */
    void read(Class<?> resource, List<String> skip, Set<String> open) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        List<Method> methods = new ArrayList<>(Arrays.asList(resource.getMethods()));
        methods.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount()));
        for (Method method : methods) {
            String http = httpMethod(method);
            if (http == null || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String path = join(root.value(), sub == null ? "" : sub.value());
            if (skip.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
                continue;
            }
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            String verb = http.toLowerCase(Locale.ROOT);
            if (!item.has(verb)) {
                ObjectNode operation = operation(resource, method);
                pathParameters(operation, path);
                if (open.contains(path)) {
                    operation.putArray("security");
                }
                item.set(verb, operation);
            }
        }
    }

    private ObjectNode operation(Class<?> resource, Method method) {
        String tag = resource.getSimpleName().replaceFirst("Resource$", "");
        String id = method.getName();
        if (!operationIds.add(id)) {
            id = Character.toLowerCase(tag.charAt(0)) + tag.substring(1) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            for (int i = 2; !operationIds.add(id); i++) {
                id = id.replaceFirst("\\d*$", "") + i;
            }
        }
        ObjectNode operation = Json.object();
        operation.set("tags", Json.array(List.of(tag.isEmpty() ? "Resources" : tag)));
        operation.put("operationId", id);
        operation.put("summary", words(method.getName()));
        ArrayNode parameters = Json.NODES.arrayNode();
        for (Parameter parameter : method.getParameters()) {
            describe(parameter, parameters, operation, media(method, resource, true));
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        ObjectNode responses = Json.object();
        Type answer = method.getGenericReturnType();
        if (answer == void.class || answer == Void.class) {
            responses.putObject("204").put("description", "Done");
        } else {
            ObjectNode ok = responses.putObject("200").put("description", "OK");
            ObjectNode content = ok.putObject("content");
            ObjectNode schema = answer == Response.class ? Json.object() : schemas.schema(answer);
            for (String type : media(method, resource, false)) {
                content.putObject(type).set("schema", schema.deepCopy());
            }
        }
        RecordTypeDocs.errors(responses);
        operation.set("responses", responses);
        return operation;
    }

    private void describe(Parameter parameter, ArrayNode parameters, ObjectNode operation, List<String> consumes) {
        String in = null;
        String name = null;
        PathParam pathParam = parameter.getAnnotation(PathParam.class);
        QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
        HeaderParam headerParam = parameter.getAnnotation(HeaderParam.class);
        CookieParam cookieParam = parameter.getAnnotation(CookieParam.class);
        if (pathParam != null) {
            in = "path";
            name = pathParam.value();
        } else if (queryParam != null) {
            in = "query";
            name = queryParam.value();
        } else if (headerParam != null) {
            in = "header";
            name = headerParam.value();
        } else if (cookieParam != null) {
            in = "cookie";
            name = cookieParam.value();
        }
        if (in != null) {
            ObjectNode schema = schemas.schema(parameter.getParameterizedType());
            DefaultValue value = parameter.getAnnotation(DefaultValue.class);
            if (value != null) {
                schema.put("default", value.value());
            }
            ObjectNode described = Json.object().put("name", name).put("in", in).put("required", "path".equals(in));
            described.set("schema", schema);
            parameters.add(described);
            return;
        }
        boolean body = Arrays.stream(parameter.getAnnotations()).noneMatch(ResourceReader::notBody);
        if (body && !operation.has("requestBody")) {
            ObjectNode requestBody = Json.object().put("required", true);
            ObjectNode content = requestBody.putObject("content");
            for (String type : consumes) {
                content.putObject(type).set("schema", schemas.schema(parameter.getParameterizedType()));
            }
            operation.set("requestBody", requestBody);
        }
    }

    /** Declares the path's template parameters the method does not name itself (a field's {@code @PathParam}, ...). */
    private static void pathParameters(ObjectNode operation, String path) {
        Matcher template = TEMPLATE.matcher(path);
        while (template.find()) {
            String name = template.group(1);
            boolean declared = false;
            for (var parameter : operation.path("parameters")) {
                declared |= name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText());
            }
            if (!declared) {
                ObjectNode parameter = Json.object().put("name", name).put("in", "path").put("required", true);
                parameter.set("schema", Json.type("string"));
                (operation.has("parameters") ? (ArrayNode) operation.get("parameters") : operation.putArray("parameters"))
                        .add(parameter);
            }
        }
    }

    private static boolean notBody(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        return type == Context.class || type == BeanParam.class || type == MatrixParam.class || type == FormParam.class
                || type.getName().startsWith("org.glassfish.jersey.media.multipart.");
    }

    private static List<String> media(Method method, Class<?> resource, boolean consumes) {
        String[] types = consumes
                ? value(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class))
                : value(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        return types.length == 0 ? List.of(MediaType.APPLICATION_JSON)
                : Arrays.stream(types).flatMap(t -> Arrays.stream(t.split(","))).map(String::trim).toList();
    }

    private static String[] value(Annotation onMethod, Annotation onClass) {
        Annotation annotation = onMethod != null ? onMethod : onClass;
        if (annotation instanceof Consumes c) {
            return c.value();
        }
        if (annotation instanceof Produces p) {
            return p.value();
        }
        return new String[0];
    }

    /** @return the HTTP method of a resource method ({@code GET}, ...), or null if it has none */
    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** @return the OpenAPI path of a class and method path: {@code v1/leads/} + {@code {id: \d+}/x} → {@code /v1/leads/{id}/x} */
    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Matcher template = TEMPLATE.matcher(path);
        return template.replaceAll("{$1}");
    }

    /** @return {@code convertLead} → {@code Convert lead} */
    static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
