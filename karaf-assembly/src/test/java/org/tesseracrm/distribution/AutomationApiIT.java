package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the real distribution with the Automation module and drives it the way systems and administrators reach it
 * without the screen: the REST API over a real socket (the catalogue of triggers and actions; a rule created, read
 * with its ETag, saved as version 2 with If-Match, a stale If-Match refused with 409, bodies that do not read and
 * rules the service refuses answered with 422 and the parts named, the switch, the versions, a contact created over
 * the API that the rule updates, and its run in the run log; 403 without rights; delete) and the Karaf commands
 * {@code automation:*}. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AutomationApiIT {
    private static final String FEATURE = "crm-automation";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Inject
    private SessionFactory shell;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theModuleAnswers() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        PaxExamSupport.awaitBootSchemas(context);
        String token = token("admin");
        assertTrue("the automation resource answers", eventually(120, () -> {
            try {
                return send(token, "GET", "/api/v1/automation/triggers", null).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }));
    }

    @Test
    public void t1_theRestApiBuildsVersionsSwitchesRunsAndDeletesARule() throws Exception {
        String admin = token("admin");
        JsonNode triggers = body(send(admin, "GET", "/api/v1/automation/triggers", null), 200);
        assertTrue(triggers.toString(), ids(triggers).contains("record.created"));
        JsonNode actions = body(send(admin, "GET", "/api/v1/automation/actions", null), 200);
        assertTrue(actions.toString(), ids(actions).contains("record.updateField"));
        assertTrue("actions come with their parameters", actions.toString().contains("\"type\":\"FIELD\""));

        String name = "Tag contacts " + RUN;
        HttpResponse<String> created = send(admin, "POST", "/api/v1/automation/rules", rule(name, "Auto-" + RUN));
        JsonNode rule = body(created, 201);
        long id = rule.path("id").asLong();
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(""));
        assertEquals("/api/v1/automation/rules/" + id, URI.create(created.headers().firstValue("Location")
                .orElseThrow()).getPath());
        assertEquals("ACTIVE", rule.path("state").asText());
        assertEquals("admin", rule.path("savedBy").asText());
        assertEquals("CONTAINS", rule.path("criteria").path("conditions").get(0).path("op").asText());

        HttpResponse<String> read = send(admin, "GET", "/api/v1/automation/rules/" + id, null);
        assertEquals(name, body(read, 200).path("name").asText());
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElse(""));

        // A new version with If-Match; the same If-Match again is someone else's stale edit: 409
        HttpResponse<String> second = send(admin, "PUT", "/api/v1/automation/rules/" + id, rule(name, "Auto2-" + RUN),
                "\"1\"");
        assertEquals(2, body(second, 200).path("version").asInt());
        assertEquals("\"2\"", second.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> stale = send(admin, "PUT", "/api/v1/automation/rules/" + id, rule(name, "Stale"),
                "\"1\"");
        assertEquals(stale.body(), 409, stale.statusCode());
        assertTrue(stale.body(), stale.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        JsonNode versions = body(send(admin, "GET", "/api/v1/automation/rules/" + id + "/versions", null), 200);
        assertEquals(List.of(2, 1), values(versions.path("data"), "version").stream().map(Integer::valueOf).toList());

        // 422: what does not read, named at once; what the service refuses, named by the service
        HttpResponse<String> unreadable = send(admin, "POST", "/api/v1/automation/rules", "{\"name\":\"\","
                + "\"recordType\":\"contact\",\"trigger\":\"record.created\",\"criteria\":{\"conditions\":[{\"field\":"
                + "\"lastName\",\"op\":\"LIKE\",\"values\":[\"x\"]}]},\"actions\":[]}");
        JsonNode problem = body(unreadable, 422);
        assertEquals(List.of("name", "criteria.conditions[0].op", "actions"), values(problem.path("errors"), "field"));
        HttpResponse<String> refused = send(admin, "POST", "/api/v1/automation/rules", "{\"name\":\"Bad " + RUN
                + "\",\"recordType\":\"contact\",\"trigger\":\"no.such.trigger\",\"actions\":[{\"action\":"
                + "\"record.updateField\",\"config\":{}}]}");
        JsonNode refusal = body(refused, 422);
        assertTrue(refusal.toString(), refusal.path("errors").size() >= 1);
        assertTrue("no stack trace or class in a problem: " + refusal, !refusal.toString().contains("Exception")
                && !refusal.toString().contains("at org."));

        // Switched off and on again: no new version
        JsonNode off = body(send(admin, "POST", "/api/v1/automation/rules/" + id + "/active", "{\"active\":false}"),
                200);
        assertEquals("INACTIVE", off.path("state").asText());
        assertEquals(2, off.path("version").asInt());
        assertEquals("ACTIVE", body(send(admin, "POST", "/api/v1/automation/rules/" + id + "/active",
                "{\"active\":true}"), 200).path("state").asText());

        // A contact created over the API that meets the criteria is updated by the rule, and the run is logged
        long contact = body(send(admin, "POST", "/api/v1/records/contact", "{\"firstName\":\"Ada\",\"lastName\":"
                + "\"Rulefollower " + RUN + "\"}"), 201).path("id").asLong();
        assertTrue("the rule set the company name", eventually(60, () -> {
            try {
                return send(admin, "GET", "/api/v1/records/contact/" + contact, null).body()
                        .contains("\"companyName\":\"Auto2-" + RUN + "\"");
            } catch (Exception e) {
                return false;
            }
        }));
        JsonNode runs = body(send(admin, "GET", "/api/v1/automation/rules/" + id + "/runs?limit=10", null), 200);
        JsonNode run = runs.path("data").get(0);
        assertEquals(runs.toString(), contact, run.path("recordId").asLong());
        assertEquals("contact", run.path("recordType").asText());
        assertEquals(2, run.path("ruleVersion").asInt());
        assertEquals("record.created", run.path("trigger").asText());
        assertTrue(runs.toString(), eventually(30, () -> {
            try {
                JsonNode now = body(send(admin, "GET", "/api/v1/automation/rules/" + id + "/runs?limit=10", null), 200)
                        .path("data").get(0);
                return now.path("status").asText().equals("DONE")
                        && now.path("steps").get(0).path("outcome").asText().equals("DONE");
            } catch (Exception e) {
                return false;
            }
        }));
        assertEquals(422, send(admin, "GET", "/api/v1/automation/rules/" + id + "/runs?limit=0", null).statusCode());

        // Without automation rights: 403, with the rule unchanged
        String outsider = token(outsider());
        assertEquals(403, send(outsider, "GET", "/api/v1/automation/rules", null).statusCode());
        assertEquals(403, send(outsider, "POST", "/api/v1/automation/rules/" + id + "/active", "{\"active\":false}")
                .statusCode());
        assertEquals(403, send(outsider, "DELETE", "/api/v1/automation/rules/" + id, null).statusCode());

        // The OpenAPI document lists the resource
        String openApi = send(admin, "GET", "/api/v1/openapi.json", null).body();
        assertTrue(openApi.contains("/v1/automation/rules/{id}/runs") || openApi.contains("/automation/rules/{id}/runs"));

        assertEquals(204, send(admin, "DELETE", "/api/v1/automation/rules/" + id, null).statusCode());
        assertEquals(404, send(admin, "GET", "/api/v1/automation/rules/" + id, null).statusCode());
        assertEquals(404, send(admin, "DELETE", "/api/v1/automation/rules/" + id, null).statusCode());
    }

    @Test
    public void t2_theShellListsShowsSwitchesAndPrintsTheRunLog() throws Exception {
        String admin = token("admin");
        String name = "Shell rule " + RUN;
        long id = body(send(admin, "POST", "/api/v1/automation/rules", rule(name, "Shell-" + RUN)), 201).path("id")
                .asLong();
        assertTrue("automation:rules is there", eventually(60, () -> shellOrError("automation:rules").contains(name)));
        String rules = shellOrError("automation:rules");
        assertTrue(rules, rules.contains(id + " v1 ACTIVE \"" + name + "\" contact on record.created, 1 action"));
        String one = shellOrError("automation:rule " + id);
        assertTrue(one, one.contains("criteria: ALL of lastName CONTAINS Shellfollower" + RUN)
                && one.contains("1. record.updateField") && one.contains("companyName"));
        assertTrue(shellOrError("automation:rule-disable " + id).contains(" INACTIVE \"" + name));
        assertTrue(shellOrError("automation:rule-enable " + id).contains(" ACTIVE \"" + name));
        String triggers = shellOrError("automation:triggers");
        assertTrue(triggers, triggers.contains("record.created \""));
        String actions = shellOrError("automation:actions");
        assertTrue(actions, actions.contains("record.updateField \"") && actions.contains("field FIELD required"));

        long contact = body(send(admin, "POST", "/api/v1/records/contact", "{\"lastName\":\"Shellfollower" + RUN
                + "\"}"), 201).path("id").asLong();
        String[] runs = {""};
        assertTrue("the run is in the shell's run log", eventually(60, () -> {
            runs[0] = shellOrError("automation:runs " + id + " --limit 5");
            return runs[0].contains(" DONE contact " + contact + " v1 depth 1 record.created")
                    && runs[0].contains("1. record.updateField DONE");
        }) || fail(runs[0]));
        String missing = shellOrError("automation:rule 999999999");
        assertTrue(missing, missing.contains("NotFoundException"));
        assertEquals(204, send(admin, "DELETE", "/api/v1/automation/rules/" + id, null).statusCode());
    }

    private static boolean fail(String message) {
        throw new AssertionError("the run is in the shell's run log: " + message);
    }

    /** @return a rule on contacts created whose last name contains the run's marker, setting the company name */
    private static String rule(String name, String companyName) {
        String marker = name.startsWith("Shell") ? "Shellfollower" + RUN : "Rulefollower " + RUN;
        return "{\"name\":\"" + name + "\",\"recordType\":\"contact\",\"trigger\":\"record.created\","
                + "\"criteria\":{\"match\":\"ALL\",\"conditions\":[{\"field\":\"lastName\",\"op\":\"CONTAINS\","
                + "\"values\":[\"" + marker + "\"]}]},"
                + "\"actions\":[{\"action\":\"record.updateField\",\"config\":{\"field\":\"companyName\",\"value\":\""
                + companyName + "\"}}],\"repeat\":\"EVERY_TIME\"}";
    }

    /** A user who may see contacts but nothing of automation, created once per run. */
    private String outsider() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String user = "noauto" + RUN;
        if (admin(security::users).stream().noneMatch(u -> u.username().equals(user))) {
            admin(() -> {
                ProfileInfo profile = security.saveProfile(new ProfileInfo(null, "No automation " + RUN, false,
                        Set.of("contacts.view")));
                return security.createUser(new UserInput(user, "No Automation", "", "", null, profile.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
            });
        }
        return user;
    }

    private String token(String user) throws InterruptedException {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        return admin(() -> tokens.create(user, new ApiTokenRequest("automation " + user + " " + System.nanoTime(),
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
    }

    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }

    private static List<String> ids(JsonNode list) {
        return values(list.path("data"), "id");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.path(field).asText()));
        return out;
    }

    private static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertEquals(response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        return send(secret, method, path, body, null);
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
