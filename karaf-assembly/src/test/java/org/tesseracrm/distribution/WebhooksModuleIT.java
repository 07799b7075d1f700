package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.TimerHandler;

import com.sun.net.httpserver.HttpServer;

/**
 * Boots the distribution once, installs crm-webhooks and proves the deliveries end to end over a real socket: a JDK
 * HttpServer on 127.0.0.1 subscribed (with private addresses allowed) through the shell receives a contact created
 * through the record platform, signed as documented; answering 500 then 200 gets the same bytes again after the
 * configured backoff; a subscription to 127.0.0.1 without the permission to allow private addresses is refused when
 * saved; uninstalling and reinstalling the feature keeps the subscriptions and leaves no threads behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhooksModuleIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String FEATURE = "crm-webhooks";
    private static final String BUNDLE = "org.tesseracrm.webhooks";
    private static final Pattern SIGNATURE = Pattern.compile("t=([0-9]+),v1=([0-9a-f]{64})");

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
    private SessionFactory shell;
    @Inject
    private ConfigurationAdmin configurations;
    @Inject
    private ApiTokens tokens;

    /** One request the receiver got. */
    private record Received(Map<String, List<String>> headers, byte[] body, long at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(PaxExamSupport.httpPortOrFail());
    }

    @Test
    public void deliversSignedRecordEventsRetriesRefusesPrivateAddressesAndReinstallsCleanly() throws Exception {
        assertTrue("boot finished", eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        // the first retry after 1 s, then 2 s at most: through the module's configuration, as an administrator would
        org.osgi.service.cm.Configuration settings = configurations.getConfiguration("org.tesseracrm.webhooks", "?");
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("firstRetrySeconds", 1);
        values.put("maxRetrySeconds", 2);
        settings.update(values);
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("crm:webhook-list is there", eventually(60, () -> shellOrError("crm:webhook-list").contains("URL")));

        List<Received> received = new CopyOnWriteArrayList<>();
        List<Received> viaRest = new CopyOnWriteArrayList<>();
        List<Received> down = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (Map.Entry<String, List<Received>> path : Map.of("/hook", received, "/rest", viaRest, "/down", down).entrySet()) {
            receiver.createContext(path.getKey(), exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                path.getValue().add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, System.currentTimeMillis()));
                Integer status = path.getKey().equals("/down") ? Integer.valueOf(500) : answers.poll();
                byte[] answer = (path.getKey().equals("/down") ? "down for maintenance" : "thanks").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
        }
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

            // without "allow private network addresses" the loopback receiver is refused when saved
            String refused = shellOrError("crm:webhook-create --types contact " + url);
            assertTrue(refused, refused.contains("private, loopback or link-local"));
            assertFalse(refused, shellOrError("crm:webhook-list").contains(url));

            String created = shellOrError("crm:webhook-create --types contact --events created,updated --allow-private " + url);
            String[] lines = created.trim().split("\\R");
            String secret = lines[lines.length - 1].trim();
            assertTrue(created, secret.matches("whsec_[A-Za-z0-9_-]{43}"));
            Matcher id = Pattern.compile("Webhook ([0-9]+) to").matcher(created);
            assertTrue(created, id.find());
            String webhookId = id.group(1);
            assertFalse("the secret is never shown again", shellOrError("crm:webhook-list").contains(secret));

            // a contact created through the record platform: one signed delivery with the record as the API shows it
            RecordRow contact = callers.callAs(ADMIN, () -> records.create("contact",
                    Map.of("firstName", "Ada", "lastName", "Webhook-" + System.nanoTime())));
            assertTrue("the receiver got the new contact", eventually(30, () -> received.size() >= 1));
            Received first = received.get(0);
            assertEquals("application/json", first.header("Content-Type"));
            assertSigned(secret, first);
            String body = first.text();
            assertTrue(body, body.startsWith("{\"id\":\"" + first.header("Tessera-Webhook-Id") + "\",\"event\":\"contact.created\","));
            assertTrue(body, body.contains("\"actor\":\"admin\""));
            assertTrue(body, body.contains("\"record\":{\"id\":" + contact.id() + ",\"version\":" + contact.version() + ","));
            assertTrue(body, body.contains("\"lastName\":\"" + contact.text("lastName") + "\""));
            assertTrue(body, body.contains("\"firstName\":\"Ada\""));

            // the receiver fails once: the same delivery comes again, byte for byte, after the 1 s backoff
            answers.add(500);
            RecordRow changed = callers.callAs(ADMIN, () -> records.update("contact", contact.id(), contact.version(),
                    Map.of("firstName", "Augusta")));
            assertTrue("a retry after the 500", eventually(30, () -> received.size() >= 3));
            Received failed = received.get(1);
            Received retried = received.get(2);
            assertSigned(secret, retried);
            assertEquals(failed.header("Tessera-Webhook-Id"), retried.header("Tessera-Webhook-Id"));
            assertEquals(failed.text(), retried.text());
            assertTrue(retried.text(), retried.text().contains("\"event\":\"contact.updated\"")
                    && retried.text().contains("\"changedFields\":[\"firstName\"]") && retried.text().contains("\"firstName\":\"Augusta\"")
                    && retried.text().contains("\"version\":" + changed.version()));
            long waited = retried.at() - failed.at();
            assertTrue("backoff of about a second, was " + waited + " ms", waited >= 900 && waited < 15_000);
            assertTrue("the log shows the retry", eventually(() -> {
                String log = shellOrError("crm:webhook-deliveries " + webhookId);
                return log.matches("(?s).*contact\\.updated.*DELIVERED\\s*\\|\\s*2\\s*\\|\\s*200.*");
            }));
            String log = shellOrError("crm:webhook-deliveries " + webhookId);
            assertTrue(log, log.matches("(?s).*contact\\.created.*DELIVERED\\s*\\|\\s*1\\s*\\|\\s*200.*"));
            System.out.println("WebhooksModuleIT: retry " + waited + " ms after the 500\n" + log);

            // the REST resource: the same service, the secret only in the 201, a test event, the same refusal
            String base = "http://127.0.0.1:" + PaxExamSupport.httpPortOrFail() + "/api/v1/webhooks";
            String bearer = callers.callAs(ADMIN, () -> tokens.create("admin", new ApiTokenRequest("webhooks-it",
                    ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
            String restUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/rest";
            assertTrue("the resource is served", eventually(60, () -> call("GET", base, bearer, null)[0].equals("200")));
            String[] refusedByRest = call("POST", base, bearer, "{\"url\":\"" + restUrl + "\"}");
            assertEquals(refusedByRest[1], "422", refusedByRest[0]);
            assertTrue(refusedByRest[1], refusedByRest[1].contains("private, loopback or link-local"));
            String[] posted = call("POST", base, bearer, "{\"url\":\"" + restUrl + "\",\"recordTypes\":[\"contact\"],"
                    + "\"events\":[\"created\"],\"allowPrivate\":true}");
            assertEquals(posted[1], "201", posted[0]);
            Matcher restSecret = Pattern.compile("\"secret\":\"(whsec_[A-Za-z0-9_-]{43})\"").matcher(posted[1]);
            assertTrue(posted[1], restSecret.find());
            Matcher restId = Pattern.compile("\"id\":([0-9]+),").matcher(posted[1]);
            assertTrue(posted[1], restId.find());
            String listed = call("GET", base, bearer, null)[1];
            assertTrue(listed, listed.contains(restUrl) && listed.contains(url) && !listed.contains("whsec_"));
            String[] test = call("POST", base + "/" + restId.group(1) + "/test", bearer, null);
            assertEquals(test[1], "202", test[0]);
            assertTrue("the test event arrives", eventually(30, () -> !viaRest.isEmpty()));
            assertSigned(restSecret.group(1), viaRest.get(0));
            assertTrue(viaRest.get(0).text(), viaRest.get(0).text().contains("\"event\":\"webhook.test\"")
                    && viaRest.get(0).text().contains("\"record\":null"));

            // a receiver that fails for the whole retry window (3 s here) disables its subscription, with the reason
            values.put("retryWindowSeconds", 3);
            settings.update(values);
            String downUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/down";
            assertTrue("the delivery timer runs with the new window", eventually(60, () -> {
                try {
                    return !context.getServiceReferences(TimerHandler.class,
                            "(&(" + TimerHandler.NAME + "=webhooks.delivery)(retryWindowSeconds=3))").isEmpty();
                } catch (org.osgi.framework.InvalidSyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue("the module is back", eventually(60,
                    () -> shellOrError("crm:webhook-create --types contact --events created --allow-private " + downUrl).contains("whsec_")));
            callers.callAs(ADMIN, () -> records.create("contact", Map.of("lastName", "Unreachable")));
            boolean disabled = eventually(30,
                    () -> shellOrError("crm:webhook-list").matches("(?s).*Webhook [0-9]+: Disabled on .*failed for 3 s.*HTTP 500.*"));
            assertTrue("disabled after the window: " + shellOrError("crm:webhook-list"), disabled);
            assertTrue("retried before giving up", down.size() >= 2);
            String downList = shellOrError("crm:webhook-list");
            assertTrue(downList, downList.matches("(?s).*" + Pattern.quote(downUrl) + "\\s*\\|[^\\n]*disabled \\(failing\\).*"));

            // uninstalled: no bundle, no threads; reinstalled: the subscription is still there and delivers
            features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            assertTrue("the bundle is gone", eventually(() -> bundle() == null));
            assertTrue("no webhook threads left: " + webhookThreads(), eventually(() -> {
                System.gc();
                return webhookThreads().isEmpty();
            }));
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            assertTrue("the subscription survived", eventually(60, () -> shellOrError("crm:webhook-list").contains(url)));
            int before = received.size();
            callers.callAs(ADMIN, () -> records.create("contact", Map.of("lastName", "After-reinstall")));
            assertTrue("delivers after the reinstall", eventually(30, () -> received.size() > before));
            assertTrue(received.get(before).text().contains("\"lastName\":\"After-reinstall\""));
            assertSigned(secret, received.get(before));
        } finally {
            receiver.stop(0);
            settings.delete();
        }
    }

    /** Checks the signature header as a receiver would: HMAC-SHA256 over "t.body" with the secret, recent t. */
    private static void assertSigned(String secret, Received request) throws Exception {
        String header = request.header("Tessera-Signature");
        assertNotNull("signed", header);
        Matcher m = SIGNATURE.matcher(header);
        assertTrue(header, m.matches());
        assertEquals(m.group(1), request.header("Tessera-Webhook-Timestamp"));
        assertTrue("recent", Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(m.group(1))) < 300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((m.group(1) + ".").getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(request.body())), m.group(2));
    }

    private Bundle bundle() {
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** @return the module's HTTP worker threads and any HTTP client selector thread still running */
    private static List<String> webhookThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && (thread.getName().startsWith("tessera-webhooks") || thread.getName().startsWith("HttpClient-"))) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /**
     * An API call with HttpURLConnection: the container must not start a java.net.http client of its own, whose
     * threads the test looks for after the uninstall.
     *
     * @return the status and the body
     */
    private static String[] call(String method, String url, String bearer, String json) {
        return PaxExamSupport.apiCall(method, url, bearer, json);
    }

    /** @return what the command printed, or the message of the exception it failed with */
    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }
}
