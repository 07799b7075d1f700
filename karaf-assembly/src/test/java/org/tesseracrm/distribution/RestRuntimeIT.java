package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The REST runtime (issue 18.1): with feature {@code crm-rest} (a boot feature), {@code /api/v1/ping}
 * answers JSON over a real socket, a resource service registered at run time answers and is gone (404) once
 * unregistered, errors are {@code application/problem+json} without a stack trace, and uninstalling the feature
 * leaves the rest of the CRM running (Records, {@code /health}) while installing it again brings the API back.
 * Every call but the ping needs a personal API token (issue 18.4): it runs as the token's user ({@code /api/v1/me}),
 * no token or a revoked one is 401 with a Bearer challenge, a read-only token may not POST (403), a token limited
 * to some record types may not touch others (403), changes made through the API say so in the audit trail, and
 * {@code crm:token-create} prints a working secret alone on its last line, and the rate limit's configuration
 * applies at once (429 with {@code Retry-After}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestRuntimeIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    /** Getting it activates the kernel's authenticator, which creates the first admin the test acts as. */
    @Inject
    private Authenticator authenticator;
    @Inject
    private ApiTokens tokens;
    @Inject
    private AuditTrail audit;
    @Inject
    private SessionFactory shell;
    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    /** The admin's read-write token, which {@link #get} sends. */
    private static String bearer;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT); // crm-rest is a boot feature
    }

    @Test
    public void theRestRuntimeServesContributedResourcesAndLeavesCleanly() throws Exception {
        long started = System.currentTimeMillis();
        // the API answers before the last boot features have started; uninstalling crm-rest below while Karaf is
        // still starting bundles raced with that start (CI at 0ff4598)
        assertTrue("Karaf finished installing its boot features",
                eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        assertTrue("ping answers: " + get("/api/v1/ping").body(), eventually(60, () -> isPing(get("/api/v1/ping"))));
        HttpResponse<String> ping = get("/api/v1/ping");
        assertEquals("{\"status\":\"UP\"}", ping.body());
        assertEquals(MediaType.APPLICATION_JSON, ping.headers().firstValue("Content-Type").orElse(""));
        System.out.println("RestRuntimeIT: ping answered " + (System.currentTimeMillis() - started) + " ms after the probe started");

        // every other address needs a token, and the call runs as its user
        bearer = callers.callAs(ADMIN, () -> tokens.create("admin", new ApiTokenRequest("it", ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        assertTrue("/api/v1/me answers", eventually(() -> get("/api/v1/me").statusCode() == 200));
        HttpResponse<String> me = get("/api/v1/me");
        assertEquals(me.body(), 200, me.statusCode());
        assertTrue(me.body(), me.body().contains("\"username\":\"admin\"") && me.body().contains("\"fullAccess\":true")
                && me.body().contains("\"scope\":\"READ_WRITE\"") && !me.body().contains(bearer));
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/me")).GET(), null);
        assertProblem(401, anonymous);
        assertEquals("Bearer realm=\"tessera\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(401, send(HttpRequest.newBuilder(uri("/api/v1/me")).GET(), bearer.substring(0, bearer.length() - 1) + "x"));

        // a module's resource: a plain service with the whiteboard's properties; its errors are problem documents
        ServiceRegistration<Object> echo = context.registerService(Object.class, new EchoResource(audit), new Hashtable<>(Map.of(
                "osgi.jakartars.resource", Boolean.TRUE,
                "osgi.jakartars.name", "it.echo",
                "osgi.jakartars.extension.select", "(osgi.jakartars.name=tessera.json)")));
        try {
            assertTrue("the contributed resource answers", eventually(() -> get("/api/v1/it-echo").statusCode() == 200));
            assertEquals("{\"echo\":\"from the probe\"}", get("/api/v1/it-echo").body());
            HttpResponse<String> refused = get("/api/v1/it-echo/refused");
            assertProblem(422, refused);
            assertTrue(refused.body(), refused.body().contains("\"errors\":[{\"field\":\"name\",\"message\":\"Too long.\"}]"));
            HttpResponse<String> broken = get("/api/v1/it-echo/broken");
            assertProblem(500, broken);
            assertTrue(broken.body(), broken.body().contains("\"errorId\":") && !broken.body().contains("CRM_SECRET"));
            tokensLimitTheCall();
        } finally {
            echo.unregister();
        }
        assertTrue("gone with its service: " + get("/api/v1/it-echo"), eventually(() -> get("/api/v1/it-echo").statusCode() == 404));
        assertProblem(404, get("/api/v1/it-echo"));
        assertEquals("the ping stays", 200, get("/api/v1/ping").statusCode());

        assertProblem(404, get("/api/v1/no/such/thing"));
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/api/v1/ping")).DELETE());
        assertProblem(405, wrongMethod);
        assertTrue("405 says what is allowed: " + wrongMethod.headers().map(),
                wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"));
        long checked = System.currentTimeMillis();

        // the rest of the CRM does not depend on the API: nothing of the kernel restarts
        Object recordsId = context.getServiceReference(Records.class).getProperty(Constants.SERVICE_ID);
        long contacts = callers.callAs(ADMIN, () -> records.count("contact", RecordQuery.page(0, 1), 1000));
        features.uninstallFeature("crm-rest", NO_REFRESH);
        assertFalse(features.isInstalled(features.getFeature("crm-rest")));
        // the shell's context at / answers what /api no longer does: a 404 problem, never a page
        assertTrue("the API is gone", eventually(() -> !isPing(get("/api/v1/ping"))));
        HttpResponse<String> gone = get("/api/v1/ping");
        assertProblem(404, gone);
        assertTrue(gone.body(), gone.body().contains("feature:install crm-rest"));
        assertTrue("no REST bundle left", Arrays.stream(context.getBundles()).noneMatch(b -> b.getState() != Bundle.UNINSTALLED
                && List.of("org.tesseracrm.kernel.rest", "org.eclipse.osgitech.rest").contains(b.getSymbolicName())));
        assertTrue("every Tessera bundle still active", Arrays.stream(context.getBundles())
                .filter(b -> String.valueOf(b.getSymbolicName()).startsWith("org.tesseracrm."))
                .allMatch(b -> b.getState() == Bundle.ACTIVE || b.getHeaders().get("Fragment-Host") != null));
        assertEquals("Records still served", contacts, (long) callers.callAs(ADMIN, () -> records.count("contact", RecordQuery.page(0, 1), 1000)));
        assertEquals("the same Records service", recordsId,
                context.getServiceReference(Records.class).getProperty(Constants.SERVICE_ID));
        assertTrue("/health still UP: " + get("/health").body(),
                eventually(() -> get("/health").statusCode() == 200 && get("/health").body().contains("\"status\":\"UP\"")));

        features.installFeature("crm-rest", NO_REFRESH);
        assertTrue("the API is back", eventually(60, () -> isPing(get("/api/v1/ping"))));
        System.out.println("RestRuntimeIT: uninstall and reinstall took " + (System.currentTimeMillis() - checked) + " ms");
    }

    /** A read-only token, a token limited to contacts, a revoked token, the audit trail's mark and the shell command. */
    private void tokensLimitTheCall() throws Exception {
        String reader = callers.callAs(ADMIN, () -> tokens.create("admin", new ApiTokenRequest("it-reader", ApiTokenScope.READ,
                Set.of("contact"), Optional.empty()))).secret();
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/it-echo")).GET(), reader).statusCode());
        HttpResponse<String> refusedWrite = send(HttpRequest.newBuilder(uri("/api/v1/it-echo"))
                .POST(HttpRequest.BodyPublishers.noBody()), reader);
        assertProblem(403, refusedWrite);
        assertTrue(refusedWrite.body(), refusedWrite.body().contains("read-only"));
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/it-echo/types/contact")).GET(), reader).statusCode());
        assertProblem(403, send(HttpRequest.newBuilder(uri("/api/v1/it-echo/types/company")).GET(), reader));
        assertEquals("the admin's token has every type", 200, get("/api/v1/it-echo/types/company").statusCode());

        // a change made through the API is marked so in the audit trail, under the token's user
        HttpResponse<String> written = send(HttpRequest.newBuilder(uri("/api/v1/it-echo")).POST(HttpRequest.BodyPublishers.noBody()), bearer);
        assertEquals(written.body(), 200, written.statusCode());
        List<AuditEntry> entries = callers.callAs(ADMIN, () -> audit.search(new AuditQuery(null, EchoResource.AUDITED_TYPE, null, null, 0, 10)));
        assertEquals(entries.toString(), 1, entries.size());
        assertEquals(AuditEntry.VIA_API, entries.get(0).via());
        assertEquals("admin", entries.get(0).username());

        long readerId = callers.callAs(ADMIN, () -> tokens.list("admin")).stream().filter(t -> t.name().equals("it-reader"))
                .findFirst().orElseThrow().id();
        callers.callAs(ADMIN, () -> tokens.revoke(readerId));
        assertProblem(401, send(HttpRequest.newBuilder(uri("/api/v1/me")).GET(), reader));

        // the shell prints the secret alone on its last line (the console runs as the system)
        String[] lines = shell("crm:token-create --read-only --types contact admin it-shell").trim().split("\\R");
        String secret = lines[lines.length - 1].trim();
        assertTrue(String.join("\n", lines), secret.matches("tsk_[A-Za-z0-9_-]{43}"));
        HttpResponse<String> shellToken = send(HttpRequest.newBuilder(uri("/api/v1/me")).GET(), secret);
        assertEquals(shellToken.body(), 200, shellToken.statusCode());
        assertTrue(shellToken.body(), shellToken.body().contains("\"scope\":\"READ\"")
                && shellToken.body().contains("\"recordTypes\":[\"contact\"]"));
        String listed = shell("crm:token-list admin");
        assertTrue(listed, listed.contains("it-shell") && listed.contains("revoked") && !listed.contains(secret));

        // the rate limit per token is configuration (PID org.tesseracrm.kernel.rest) and applies at once
        org.osgi.service.cm.Configuration rate = configurations.getConfiguration("org.tesseracrm.kernel.rest", "?");
        rate.update(new Hashtable<>(Map.of("rate.requestsPerSecond", "1", "rate.burst", "1")));
        try {
            assertTrue("the new limit applies", eventually(() -> get("/api/v1/me").statusCode() == 429));
            HttpResponse<String> limited = get("/api/v1/me");
            assertProblem(429, limited);
            assertTrue(limited.headers().map().toString(), limited.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"));
        } finally {
            rate.delete();
        }
        assertTrue("back to the default limit", eventually(() -> get("/api/v1/me").statusCode() == 200));
    }

    private String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, "UTF-8");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Session session = shell.create(System.in, out, out)) {
            thread.submit(() -> session.execute(command)).get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        out.flush();
        return bytes.toString("UTF-8");
    }

    private static boolean isPing(HttpResponse<String> response) {
        return response.statusCode() == 200 && response.body().equals("{\"status\":\"UP\"}");
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        String body = response.body();
        assertEquals(body, status, response.statusCode());
        assertEquals(body, PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(body, body.startsWith("{\"type\":\"about:blank\",") && body.contains("\"status\":" + status));
        assertFalse("no stack trace: " + body, body.contains("Exception") || body.contains("\tat ") || body.contains("at org."));
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, bearer);
    }

    /** @param token the secret to send as a bearer token; null: none */
    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + path);
    }

    /** A resource as a module contributes it. */
    @Path("v1/it-echo")
    public static class EchoResource {
        static final String AUDITED_TYPE = "itprobe";
        private final AuditTrail audit;

        EchoResource(AuditTrail audit) {
            this.audit = audit;
        }

        /** @return what it audited: a change, as a module's service would record it, under the call's user */
        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> change() {
            audit.record(new RecordChange("it", AUDITED_TYPE, 1, "probe", "admin", AuditAction.CREATE, Map.of(),
                    Map.of("name", "probe")));
            return Map.of("audited", AUDITED_TYPE);
        }

        /**
         * @param type a record type id in the address: the API checks the token's record types against it
         * @return the type
         */
        @GET
        @Path("types/{type}")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> type(@PathParam("type") String type) {
            return Map.of("type", type);
        }

        /** @return a JSON object through the runtime's Jackson provider */
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> echo() {
            return Map.of("echo", "from the probe");
        }

        /** @return never: the kernel's refusal, which the runtime answers as 422 with the field */
        @GET
        @Path("refused")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> refused() {
            throw new ValidationException(List.of(new FieldError("name", "Too long.")));
        }

        /** @return never: a bug, which the runtime answers as 500 with an error id and nothing of the exception */
        @GET
        @Path("broken")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> broken() {
            throw new IllegalStateException("table CRM_SECRET is missing");
        }
    }
}
