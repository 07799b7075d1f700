package org.tesseracrm.distribution;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The proof of the OpenAPI document (issue 18.3): reads {@code /api/v1/openapi.json} as served, checks it with
 * swagger-parser (no messages, OpenAPI 3.1.0), generates openapi-generator's Java client from it (generator
 * {@code java}, library {@code native}: java.net.http and Jackson), compiles the generated sources with the JDK's
 * compiler, loads them and creates, reads, updates (with {@code If-Match}; a stale one is 412), lists with a filter
 * and deletes a contact through the generated {@code ContactsApi}, checking the values at each step.
 * <p>
 * It is a program, not a test in the container: the generator and its dependencies are in the test's Maven classpath,
 * not in Karaf. {@link RecordsApiIT} runs it in a JVM of its own ({@link GeneratedClientProcess}) and checks its
 * exit code; it prints {@value GeneratedClientProcess#OK} last when everything held.
 */
public final class GeneratedClientCheck {
    private static final String PACKAGE = "org.tesseracrm.generated";

    private GeneratedClientCheck() {
    }

    /**
     * @param args the server's base address ({@code http://127.0.0.1:8181}), a read-write API token, a folder to work in
     */
    public static void main(String[] args) {
        try {
            run(args[0], args[1], Paths.get(args[2]));
            System.out.println(GeneratedClientProcess.OK);
            System.exit(0);
        } catch (Throwable failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            System.out.println("GENERATED CLIENT: FAILED " + trace);
            System.exit(1);
        }
    }

    static void run(String base, String token, Path folder) throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.json"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        check(served.statusCode() == 200, "the document is served: " + served.statusCode() + " " + served.body());
        Path spec = Files.createDirectories(folder).resolve("openapi.json");
        Files.writeString(spec, served.body());

        ParseOptions resolve = new ParseOptions();
        resolve.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, resolve);
        check(parsed.getMessages().isEmpty(), "swagger-parser finds nothing wrong: " + parsed.getMessages());
        check("3.1.0".equals(parsed.getOpenAPI().getOpenapi()), "OpenAPI 3.1.0: " + parsed.getOpenAPI().getOpenapi());
        System.out.println("GENERATED CLIENT: the served document (" + served.body().length() + " chars, "
                + parsed.getOpenAPI().getPaths().size() + " paths) parses without messages");

        long started = System.nanoTime();
        Path sources = generate(spec, folder.resolve("client"));
        Path classes = compile(sources, folder.resolve("classes"));
        System.out.println("GENERATED CLIENT: generated and compiled in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                GeneratedClientCheck.class.getClassLoader())) {
            crud(loader, base, token);
        }
    }

    private static Path generate(Path spec, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(output.toString())
                .setInvokerPackage(PACKAGE)
                .setApiPackage(PACKAGE + ".api")
                .setModelPackage(PACKAGE + ".model")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addAdditionalProperty("useJakartaEe", true);
        ClientOptInput input = configurator.toClientOptInput();
        DefaultGenerator generator = new DefaultGenerator();
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
        generator.opts(input).generate();
        return output.resolve("src/main/java");
    }

    private static Path compile(Path sources, Path classes) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        check(files.stream().anyMatch(f -> f.endsWith("ContactsApi.java")), "a ContactsApi was generated: " + files);
        Files.createDirectories(classes);
        JavaCompiler javac = Objects.requireNonNull(ToolProvider.getSystemJavaCompiler(), "a JDK's compiler");
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-parameters", "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        arguments.addAll(files);
        int status = javac.run(null, java.io.OutputStream.nullOutputStream(), messages, arguments.toArray(String[]::new));
        check(status == 0, "the generated client compiles:\n" + messages.toString(java.nio.charset.StandardCharsets.UTF_8));
        return classes;
    }

    /** Create, read, update (If-Match), stale update (412), list with a filter, delete, read (404). */
    private static void crud(ClassLoader loader, String base, String token) throws Exception {
        Object client = loader.loadClass(PACKAGE + ".ApiClient").getConstructor().newInstance();
        client.getClass().getMethod("updateBaseUri", String.class).invoke(client, base + "/api");
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
        client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
        Class<?> contactsApi = loader.loadClass(PACKAGE + ".api.ContactsApi");
        Object api = contactsApi.getConstructor(client.getClass()).newInstance(client);
        String lastName = "Generated" + Long.toString(System.nanoTime(), 36);

        Object created = call(api, "createContactRecord", Map.of("contactInput",
                bean(loader, "ContactInput", Map.of("firstName", "Ada", "lastName", lastName, "email", "ada@example.com"))));
        long id = (Long) get(created, "id");
        long version = (Long) get(created, "version");
        check(lastName.equals(get(created, "lastName")) && "Ada".equals(get(created, "firstName"))
                && "ada@example.com".equals(get(created, "email")), "created as sent: " + created);
        check(get(created, "createdAt") instanceof java.time.OffsetDateTime, "createdAt is a date-time: " + created);

        Object read = call(api, "getContactRecord", Map.of("id", id));
        check(id == (Long) get(read, "id") && lastName.equals(get(read, "lastName")) && get(read, "phone") == null,
                "read back: " + read);

        Object updated = call(api, "updateContactRecord", Map.of("id", id, "ifMatch", "\"" + version + "\"",
                "contactInput", bean(loader, "ContactInput", Map.of("email", "ada@analytical.example"))));
        check("ada@analytical.example".equals(get(updated, "email")) && lastName.equals(get(updated, "lastName"))
                && (Long) get(updated, "version") > version, "updated with If-Match: " + updated);
        int stale = failure(() -> call(api, "updateContactRecord", Map.of("id", id, "ifMatch", "\"" + version + "\"",
                "contactInput", bean(loader, "ContactInput", Map.of("phone", "+44 20 7946 0000")))));
        check(stale == 412, "a stale If-Match is 412: " + stale);

        Object filter = bean(loader, "TextFilter", Map.of("eq", lastName));
        Object page = call(api, "listContactRecords", Map.of("limit", 10, "lastName", filter));
        List<?> data = (List<?>) get(page, "data");
        check(data.size() == 1 && id == (Long) get(data.get(0), "id") && get(page, "next") == null,
                "the list filtered by lastName[eq] has the contact alone: " + page);

        call(api, "deleteContactRecord", Map.of("id", id, "ifMatch", "\"" + get(updated, "version") + "\""));
        int gone = failure(() -> call(api, "getContactRecord", Map.of("id", id)));
        check(gone == 404, "deleted: " + gone);
        System.out.println("GENERATED CLIENT: contact " + id + " created, read, updated, refused stale (412), listed, deleted");
    }

    /** @return a generated model with the properties set through its setters */
    private static Object bean(ClassLoader loader, String model, Map<String, Object> properties) throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".model." + model);
        Object bean = type.getConstructor().newInstance();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String setter = "set" + Character.toUpperCase(property.getKey().charAt(0)) + property.getKey().substring(1);
            Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                    .findFirst().orElseThrow(() -> new AssertionError(model + " has no " + setter));
            method.invoke(bean, property.getValue());
        }
        return bean;
    }

    private static Object get(Object bean, String property) throws Exception {
        return bean.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1)).invoke(bean);
    }

    /**
     * Calls an operation of a generated API with the arguments named (the sources are compiled with
     * {@code -parameters}); the others are null.
     */
    private static Object call(Object api, String operation, Map<String, Object> arguments) throws Exception {
        Method method = Arrays.stream(api.getClass().getMethods())
                .filter(m -> m.getName().equals(operation))
                .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[m.getParameterCount() - 1] != Map.class)
                .min(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new AssertionError("the generated API has no " + operation));
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = arguments.get(parameters[i].getName());
        }
        check(Arrays.stream(parameters).map(Parameter::getName).toList().containsAll(arguments.keySet()),
                operation + " takes " + Arrays.toString(parameters) + ", not all of " + arguments.keySet());
        try {
            return method.invoke(api, values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** @return the HTTP status of the generated client's ApiException the call throws */
    private static int failure(Callable call) throws Exception {
        try {
            call.call();
        } catch (Exception e) {
            if (e.getClass().getSimpleName().equals("ApiException")) {
                return (Integer) e.getClass().getMethod("getCode").invoke(e);
            }
            throw e;
        }
        throw new AssertionError("the call succeeded");
    }

    @FunctionalInterface
    private interface Callable {
        Object call() throws Exception;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
