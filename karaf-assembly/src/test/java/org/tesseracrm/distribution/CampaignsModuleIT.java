package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.campaigns.api.MemberState;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Boots the distribution on Derby once, with a GreenMail SMTP and IMAP server in the test JVM ({@link TestMailServer},
 * started by {@link #config()}), installs crm-campaigns and proves a campaign end to end over real sockets: a segment
 * of three contacts from a saved list view (a lead with one of their addresses is not added twice) is sent from a
 * template; each mail arrives with its own click, pixel and unsubscribe links and the List-Unsubscribe header; the
 * pixel fetched over HTTP records an open and fires the e-mail opened trigger; the click redirects to the original
 * address and records a click; a forged token answers 400; the unsubscribe POST suppresses the address and a second
 * campaign skips it; a BOUNCED event marks its member; and the module uninstalled and installed again keeps its
 * campaigns and members.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CampaignsModuleIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String FEATURE = "crm-campaigns";
    private static final String BUNDLE = "org.tesseracrm.campaigns";
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    private static final Pattern TRACKING = Pattern.compile("http://127\\.0\\.0\\.1:" + HTTP_PORT + "/t/([ocu])/([A-Za-z0-9_.-]+)");
    private static final String LAST_NAME = "Campaigner";
    /** What the earlier tests leave for the later ones (one container, a new instance per test). */
    private static final AtomicReference<Long> CAMPAIGN = new AtomicReference<>();
    private static final AtomicReference<Long> TEMPLATE = new AtomicReference<>();
    private static final AtomicReference<Long> ACCOUNT = new AtomicReference<>();
    private static final Map<String, List<String>> LINKS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    @Inject
    private SavedViews views;
    /** Getting it activates the kernel's authenticator, which creates the first admin the test acts as. */
    @Inject
    private Authenticator authenticator;
    @Inject
    private ConfigurationAdmin configurations;
    @Inject
    private SessionFactory shell;

    @Configuration
    public Option[] config() throws Exception {
        int[] mail = TestMailServer.start();
        return PaxExamSupport.distribution(HTTP_PORT,
                systemProperty(TestMailServer.SMTP_PORT).value(String.valueOf(mail[0])),
                systemProperty(TestMailServer.IMAP_PORT).value(String.valueOf(mail[1])),
                editConfigurationFilePut("etc/org.tesseracrm.campaigns.cfg", "publicUrl", "http://127.0.0.1:" + HTTP_PORT),
                editConfigurationFilePut("etc/org.tesseracrm.campaigns.cfg", "burst", "40"),
                editConfigurationFilePut("etc/org.tesseracrm.campaigns.cfg", "perSecond", "5"),
                // booted, so that the probe (whose methods name the campaigns API) finds the API when it loads
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "crm-campaigns"));
    }

    private static int smtpPort() {
        return Integer.parseInt(System.getProperty(TestMailServer.SMTP_PORT));
    }

    private static int imapPort() {
        return Integer.parseInt(System.getProperty(TestMailServer.IMAP_PORT));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }

    private Campaigns campaigns() throws InterruptedException {
        return PaxExamSupport.waitFor(context, Campaigns.class);
    }

    @Test
    public void t0_theModuleInstallsWithTheEmailIntegration() throws Exception {
        assertTrue("boot finished", eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        org.osgi.service.cm.Configuration settings = configurations.getConfiguration("org.tesseracrm.email.outbox", "?");
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("firstRetrySeconds", 1);
        values.put("maxRetrySeconds", 1);
        values.put("maxAttempts", 2);
        values.put("messageIdDomain", "crm.example.com");
        settings.update(values);
        if (!PaxExamSupport.bundleInstalled(context, BUNDLE)) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        assertNotNull(campaigns());
        MailAccounts accounts = PaxExamSupport.waitFor(context, MailAccounts.class);
        MailTemplates templates = PaxExamSupport.waitFor(context, MailTemplates.class);
        MailAccount account = asAdmin(() -> accounts.save(new MailAccountInput(null, 0, "Marketing", true, TestMailServer.SALES,
                "Marketing", "127.0.0.1", smtpPort(), MailSecurity.NONE, "sales", "sales-secret", "", 0, MailSecurity.NONE, "", null,
                "INBOX", 600, null, true)));
        ACCOUNT.set(account.id());
        MailTemplate template = asAdmin(() -> templates.save(new MailTemplate(0, "Spring launch (campaign IT)", "contact",
                "Spring news for $[Contacts.First Name]",
                "<p>Hello $[Contacts.First Name],</p><p><a href=\"https://example.com/offer?x=1&amp;y=2\">See the offer</a> "
                        + "or <a href=\"mailto:sales@example.com\">write to us</a>.</p>",
                "", null, 0)));
        TEMPLATE.set(template.id());
    }

    @Test
    public void t1_aSegmentFromASavedViewIsSentWithPerRecipientLinks() throws Exception {
        Campaigns campaigns = campaigns();
        for (String name : List.of("ann", "bob", "carl")) {
            asAdmin(() -> records.create("contact", Map.of("firstName", Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    "lastName", LAST_NAME, "email", name + "@example.com")));
        }
        asAdmin(() -> records.create("contact", Map.of("firstName", "Noah", "lastName", LAST_NAME)));
        RecordRow lead = asAdmin(() -> records.create("lead", Map.of("firstName", "Ann", "lastName", "Again", "email",
                "ANN@example.com")));
        asAdmin(() -> views.save(new SavedView("contact", "Campaigners", "admin", false, "",
                List.of(Filter.of("lastName", FilterOp.EQUALS, LAST_NAME)), List.of(), List.of())));
        RecordRow campaign = asAdmin(() -> records.create("campaign", Map.of("name", "Spring launch",
                "template", String.valueOf(TEMPLATE.get()), "mailAccount", String.valueOf(ACCOUNT.get()))));
        CAMPAIGN.set(campaign.id());
        assertEquals("Draft", asAdmin(() -> campaigns.results(campaign.id())).status());
        assertEquals(3, (int) asAdmin(() -> campaigns.addFromView(campaign.id(), "contact", "Campaigners")));
        assertEquals("once per address", 0, (int) asAdmin(() -> campaigns.addRecords(campaign.id(), "lead", List.of(lead.id()))));
        assertEquals(0, (int) asAdmin(() -> campaigns.addFromView(campaign.id(), "contact", "Campaigners")));
        assertEquals(3, asAdmin(() -> campaigns.results(campaign.id())).recipients());

        CampaignResults started = asAdmin(() -> campaigns.send(campaign.id()));
        assertEquals("Sending", started.status());
        assertTrue("queued: " + asAdmin(() -> campaigns.members(campaign.id(), 0, 10)), eventually(60,
                () -> asAdmin(() -> campaigns.results(campaign.id())).sent() == 3));
        assertTrue(eventually(30, () -> "Sent".equals(asAdmin(() -> campaigns.results(campaign.id())).status())));
        assertEquals("3", asAdmin(() -> records.get("campaign", campaign.id())).orElseThrow().decimal("sent")
                .map(java.math.BigDecimal::toPlainString).orElse(""));
        for (String name : List.of("ann", "bob", "carl")) {
            String[] seen = new String[3];
            assertTrue(name + " got the mail", eventually(60, () -> readInbox(name, "Spring news for " + Character.toUpperCase(
                    name.charAt(0)) + name.substring(1), seen)));
            List<String> links = new ArrayList<>();
            Matcher m = TRACKING.matcher(seen[0]);
            while (m.find()) {
                links.add(m.group(0));
            }
            assertEquals(seen[0], List.of("c", "u", "o"), links.stream().map(l -> l.substring(l.indexOf("/t/") + 3,
                    l.indexOf("/t/") + 4)).toList());
            assertTrue(seen[0], seen[0].contains("mailto:sales@example.com"));
            assertFalse("the original address only inside the signed token: " + seen[0], seen[0].contains("href=\"https://example.com"));
            assertEquals("<" + links.get(1) + ">", seen[1]);
            assertTrue(seen[2], seen[2].contains("Unsubscribe: " + links.get(1)));
            LINKS.put(name, links);
        }
        assertNotEquals("per recipient", LINKS.get("ann").get(0), LINKS.get("bob").get(0));
    }

    @Test
    public void t2_theTrackingEndpointsRecordOpensAndClicksAndRefuseForgedTokens() throws Exception {
        Campaigns campaigns = campaigns();
        List<Event> seen = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {MailEvents.OPENED, MailEvents.CLICKED,
            TriggerEvent.topic("email.opened")});
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, seen::add, topics);
        try {
            List<String> ann = LINKS.get("ann");
            // the pixel: always the GIF, no cookie; the open recorded once, the trigger fired once
            for (int i = 0; i < 2; i++) {
                HttpURLConnection pixel = get(ann.get(2));
                assertEquals(200, pixel.getResponseCode());
                assertEquals("image/gif", pixel.getContentType());
                assertEquals(43, pixel.getInputStream().readAllBytes().length);
                assertNull(pixel.getHeaderField("Set-Cookie"));
            }
            CampaignMember opened = member(campaigns, "ann@example.com");
            assertNotNull(opened.openedAt());
            assertEquals(2, opened.opens());
            assertEquals(1, asAdmin(() -> campaigns.results(CAMPAIGN.get())).opened());
            assertTrue("events: " + seen, eventually(30, () -> seen.stream().filter(e -> e.getTopic().equals(
                    TriggerEvent.topic("email.opened"))).count() == 1));
            TriggerEvent trigger = seen.stream().filter(e -> e.getTopic().equals(TriggerEvent.topic("email.opened")))
                    .map(e -> TriggerEvent.of(props(e))).findFirst().orElseThrow();
            assertEquals("contact", trigger.recordType());
            assertEquals(opened.recordId(), trigger.recordId());
            assertEquals(String.valueOf(CAMPAIGN.get()), trigger.details().get("campaign"));
            assertTrue(eventually(30, () -> seen.stream().filter(e -> e.getTopic().equals(MailEvents.OPENED)).count() == 2));
            // an unknown pixel answers the same GIF and records nothing
            HttpURLConnection unknown = get("http://127.0.0.1:" + HTTP_PORT + "/t/o/bm9wZQ.AAAA.gif");
            assertEquals(200, unknown.getResponseCode());
            assertEquals(43, unknown.getInputStream().readAllBytes().length);

            // the click: 302 to the original address, recorded
            HttpURLConnection click = get(ann.get(0));
            assertEquals(302, click.getResponseCode());
            assertEquals("https://example.com/offer?x=1&y=2", click.getHeaderField("Location"));
            assertNull(click.getHeaderField("Set-Cookie"));
            CampaignMember clicked = member(campaigns, "ann@example.com");
            assertNotNull(clicked.clickedAt());
            assertEquals(1, asAdmin(() -> campaigns.results(CAMPAIGN.get())).clicked());
            assertTrue(eventually(30, () -> seen.stream().anyMatch(e -> e.getTopic().equals(MailEvents.CLICKED)
                    && "ann@example.com".equals(e.getProperty(MailEvents.RECIPIENT)))));

            // a forged token: another address with ann's signature, or a changed signature: 400, no redirect
            String token = ann.get(0).substring(ann.get(0).lastIndexOf('/') + 1);
            String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("c." + clicked.id() + ".https://evil.example/").getBytes(StandardCharsets.UTF_8));
            for (String forged : List.of(forgedPayload + token.substring(token.indexOf('.')),
                    token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"), "nonsense")) {
                HttpURLConnection refused = get("http://127.0.0.1:" + HTTP_PORT + "/t/c/" + forged);
                assertEquals(forged, 400, refused.getResponseCode());
                assertNull(refused.getHeaderField("Location"));
                String body = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(body, body.contains("This link is not valid"));
            }
            assertEquals(1, member(campaigns, "ann@example.com").clicks());
        } finally {
            listener.unregister();
        }
    }

    @Test
    public void t3_anUnsubscribedAddressIsSuppressedAndSkippedByTheNextCampaign() throws Exception {
        Campaigns campaigns = campaigns();
        Suppressions suppressions = PaxExamSupport.waitFor(context, Suppressions.class);
        String unsubscribe = LINKS.get("bob").get(1);
        HttpURLConnection page = get(unsubscribe);
        assertEquals(200, page.getResponseCode());
        String html = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(html, html.contains("<form method=\"post\">"));
        assertFalse("the page does not name the address", html.contains("bob@"));
        assertFalse("a GET changes nothing", asAdmin(() -> suppressions.suppressed("bob@example.com")));
        HttpURLConnection post = (HttpURLConnection) URI.create(unsubscribe).toURL().openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        try (OutputStream out = post.getOutputStream()) {
            out.write("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(200, post.getResponseCode());
        assertTrue(new String(post.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("You are unsubscribed"));
        assertTrue(asAdmin(() -> suppressions.suppressed("bob@example.com")));
        assertTrue(member(campaigns, "bob@example.com").unsubscribed());
        assertEquals(1, asAdmin(() -> campaigns.results(CAMPAIGN.get())).unsubscribed());

        RecordRow second = asAdmin(() -> records.create("campaign", Map.of("name", "Summer launch",
                "template", String.valueOf(TEMPLATE.get()))));
        assertEquals(3, (int) asAdmin(() -> campaigns.addFromView(second.id(), "contact", "Campaigners")));
        asAdmin(() -> campaigns.send(second.id()));
        assertTrue(eventually(60, () -> "Sent".equals(asAdmin(() -> campaigns.results(second.id())).status())));
        CampaignResults results = asAdmin(() -> campaigns.results(second.id()));
        assertEquals(results.toString(), 2, results.sent());
        assertEquals(results.toString(), 1, results.skipped());
        CampaignMember bob = asAdmin(() -> campaigns.members(second.id(), 0, 10)).stream()
                .filter(m -> m.address().equals("bob@example.com")).findFirst().orElseThrow();
        assertEquals(MemberState.SKIPPED, bob.state());
        assertNull(bob.messageId());
    }

    @Test
    public void t4_aBounceMarksItsMember() throws Exception {
        Campaigns campaigns = campaigns();
        EventAdmin events = PaxExamSupport.waitFor(context, EventAdmin.class);
        CampaignMember carl = member(campaigns, "carl@example.com");
        assertNotNull(carl.messageId());
        events.postEvent(new Event(MailEvents.BOUNCED, Map.of(MailEvents.MESSAGE_ID, carl.messageId(),
                MailEvents.RECIPIENT, "carl@example.com")));
        assertTrue(eventually(30, () -> member(campaigns, "carl@example.com").bounced()));
        assertEquals(1, asAdmin(() -> campaigns.results(CAMPAIGN.get())).bounced());
    }

    @Test
    public void t4b_theRestApiShowsMembersAndResultsAndRefusesWhatItMayNot() throws Exception {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String bearer = asAdmin(() -> tokens.create("admin", new ApiTokenRequest("campaigns-it", ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        String base = "http://127.0.0.1:" + HTTP_PORT + "/api/v1/campaigns/" + CAMPAIGN.get();
        assertTrue("the resource is served", eventually(60, () -> call("GET", base + "/results", bearer, null)[0].equals("200")));
        String[] results = call("GET", base + "/results", bearer, null);
        assertTrue(results[1], results[1].contains("\"recipients\":3") && results[1].contains("\"status\":\"Sent\"")
                && results[1].contains("\"bounced\":1"));
        String[] members = call("GET", base + "/members?limit=10", bearer, null);
        assertEquals(members[1], "200", members[0]);
        assertTrue(members[1], members[1].contains("\"address\":\"ann@example.com\"") && (members[1].contains("\"state\":\"SENT\"")
                || members[1].contains("\"state\":\"QUEUED\"")));
        String[] again = call("POST", base + "/send", bearer, null);
        assertEquals(again[1], "422", again[0]);
        assertTrue(again[1], again[1].contains("only a draft or scheduled campaign"));
        String[] badTime = call("POST", base + "/schedule", bearer, "{\"at\":\"tomorrow\"}");
        assertEquals(badTime[1], "422", badTime[0]);
        String[] noToken = call("GET", base + "/results", "not-a-token", null);
        assertEquals(noToken[1], "401", noToken[0]);
    }

    @Test
    public void t5_theEndpointsAreRateLimitedPerClient() throws Exception {
        int limited = 0;
        for (int i = 0; i < 80; i++) {
            HttpURLConnection pixel = get("http://127.0.0.1:" + HTTP_PORT + "/t/o/x.gif");
            int code = pixel.getResponseCode();
            if (code == 429) {
                limited++;
            } else {
                assertEquals(200, code);
            }
            pixel.disconnect();
        }
        assertTrue("some requests were refused with 429: " + limited, limited > 0);
    }

    @Test
    public void t6_theModuleUninstalledAndInstalledAgainKeepsItsCampaignsAndMembers() throws Exception {
        List<String> removed = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the bundle is gone", eventually(60, () -> !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        PaxExamSupport.install(features, removed);
        // the probe keeps the first bundle's API classes: the module is checked through the shell, the records and HTTP
        Pattern row = Pattern.compile("Spring launch\\s*\\|\\s*Sent\\s*\\|\\s*3\\s*\\|\\s*0\\s*\\|\\s*3\\s*\\|\\s*1\\s*\\|"
                + "\\s*1\\s*\\|\\s*1\\s*\\|\\s*1\\s*\\|\\s*0\\s*\\|\\s*0");
        assertTrue("campaigns:list after the reinstall: " + PaxExamSupport.shellOrError(shell, "campaigns:list"),
                eventually(120, () -> row.matcher(PaxExamSupport.shellOrError(shell, "campaigns:list")).find()));
        String list = PaxExamSupport.shellOrError(shell, "campaigns:list");
        assertTrue(list, list.matches("(?s).*Summer launch\\s*\\|\\s*Sent\\s*\\|\\s*3\\s*\\|\\s*0\\s*\\|\\s*2\\s*\\|.*"));
        RecordRow campaign = asAdmin(() -> records.get("campaign", CAMPAIGN.get())).orElseThrow();
        assertEquals(List.of("3", "3", "1", "1", "1", "1"), List.of("recipients", "sent", "opened", "clicked", "bounced",
                "unsubscribed").stream().map(f -> campaign.decimal(f).map(d -> d.stripTrailingZeros().toPlainString()).orElse(""))
                .toList());
        // the links sent before the reinstall still work (the key is stored, sealed)
        assertTrue(eventually(60, () -> {
            try {
                return get(LINKS.get("carl").get(0)).getResponseCode() == 302;
            } catch (IOException e) {
                return false;
            }
        }));
    }

    private CampaignMember member(Campaigns campaigns, String address) {
        return asAdmin(() -> campaigns.members(CAMPAIGN.get(), 0, 100)).stream().filter(m -> m.address().equals(address))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> props(Event event) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (String name : event.getPropertyNames()) {
            map.put(name, event.getProperty(name));
        }
        return map;
    }

    private static String[] call(String method, String url, String bearer, String json) {
        return PaxExamSupport.apiCall(method, url, bearer, json);
    }

    private static HttpURLConnection get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        return c;
    }

    /**
     * Reads a mailbox over IMAP from inside Karaf.
     *
     * @param out the HTML part, the List-Unsubscribe header, the text part
     * @return whether a message with the subject was there
     */
    private static boolean readInbox(String user, String subject, String[] out) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            Properties props = new Properties();
            props.setProperty("mail.imap.connectiontimeout", "5000");
            props.setProperty("mail.imap.timeout", "5000");
            try (Store store = Session.getInstance(props).getStore("imap")) {
                store.connect("127.0.0.1", imapPort(), user + "@example.com", user);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    for (Message message : inbox.getMessages()) {
                        if (subject.equals(message.getSubject())) {
                            Multipart parts = (Multipart) message.getContent();
                            for (int i = 0; i < parts.getCount(); i++) {
                                Object content = parts.getBodyPart(i).getContent();
                                if (content instanceof Multipart inner) {
                                    parts = inner;
                                    i = -1;
                                } else if (parts.getBodyPart(i).isMimeType("text/html")) {
                                    out[0] = (String) content;
                                } else if (parts.getBodyPart(i).isMimeType("text/plain")) {
                                    out[2] = ((String) content).replace("\r\n", "\n");
                                }
                            }
                            String[] header = message.getHeader("List-Unsubscribe");
                            out[1] = header == null ? null : header[0];
                            return out[0] != null;
                        }
                    }
                } finally {
                    inbox.close(false);
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
