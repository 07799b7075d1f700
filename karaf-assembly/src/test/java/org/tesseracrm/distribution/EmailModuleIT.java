package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

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
import org.osgi.service.cm.ConfigurationAdmin;
import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Boots the distribution on Derby once with a GreenMail SMTP and IMAP server in the test JVM (started by
 * {@link #config()}, its ports passed in as system properties) and proves the e-mail integration's outbox end to end
 * over real sockets: a shared account is saved without its password ever coming back and its connection test signs
 * in to both servers; mail queued to a contact's address arrives (read back over IMAP from inside Karaf) with its HTML
 * and text parts, its attachment and the Message-ID Tessera stored, and is logged on the contact and as a done
 * activity; a user without {@code email.send} is refused; a message to a server that refuses connections is retried
 * (quickly, through the outbox's configuration) and then FAILED with the error; and the feature uninstalled and
 * installed again keeps the accounts and the log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EmailModuleIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String FEATURE = "crm-email";
    private static final String BUNDLE = "org.tesseracrm.email";
    private static final String PASSWORD = "Emailer-Secret-1";

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
    private SecurityAdmin security;
    @Inject
    private ConfigurationAdmin configurations;
    @Inject
    private SessionFactory shell;
    @Inject
    private ApiTokens tokens;

    @Configuration
    public Option[] config() throws Exception {
        int[] mail = TestMailServer.start();
        return PaxExamSupport.distribution(PaxExamSupport.httpPortOrFail(),
                systemProperty(TestMailServer.SMTP_PORT).value(String.valueOf(mail[0])),
                // crm-email is a boot feature of the distribution (naming it again in featuresBoot, unversioned beside
                // the versioned one, broke the boot: Karaf restarted bundles it had just wired)
                systemProperty(TestMailServer.IMAP_PORT).value(String.valueOf(mail[1])));
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

    private static MailAccountInput account(Long id, long version, String name, int smtpPort, String smtpPassword) {
        return new MailAccountInput(id, version, name, true, TestMailServer.SALES, "Sales Team", "127.0.0.1", smtpPort, MailSecurity.NONE,
                "sales", smtpPassword, "127.0.0.1", imapPort(), MailSecurity.NONE, "sales", smtpPassword, "INBOX", 60, null, true);
    }

    @Test
    public void t0_theModuleInstallsWithQuickRetries() throws Exception {
        assertTrue("boot finished", eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        // retries after 1 s, two attempts, short timeouts: through the outbox's configuration, as an administrator would
        org.osgi.service.cm.Configuration settings = configurations.getConfiguration("org.tesseracrm.email.outbox", "?");
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("firstRetrySeconds", 1);
        values.put("maxRetrySeconds", 1);
        values.put("maxAttempts", 2);
        values.put("connectTimeoutSeconds", 3);
        values.put("readTimeoutSeconds", 5);
        values.put("messageIdDomain", "crm.example.com");
        settings.update(values);
        if (!PaxExamSupport.bundleInstalled(context, BUNDLE)) {
            features.installFeature(FEATURE, java.util.EnumSet.noneOf(FeaturesService.Option.class));
        }
        assertNotNull(PaxExamSupport.waitFor(context, Mailer.class));
        assertNotNull(PaxExamSupport.waitFor(context, MailAccounts.class));
    }

    @Test
    public void t1_aSharedAccountKeepsItsPasswordSealedAndItsConnectionTestSignsIn() throws Exception {
        MailAccounts accounts = PaxExamSupport.waitFor(context, MailAccounts.class);
        // bad fields are named at once
        ValidationException bad = assertThrows(ValidationException.class, () -> asAdmin(() -> accounts.save(new MailAccountInput(null, 0,
                "Broken", true, "not an address", "", "smtp://host", 70_000, MailSecurity.NONE, "", null, "", 0, null, "", null, "", 60, null,
                true))));
        assertEquals(List.of("fromAddress", "smtpHost", "smtpPort"), bad.errors().stream().map(FieldError::field).toList());

        MailAccount saved = asAdmin(() -> accounts.save(account(null, 0, "Sales team", smtpPort(), "sales-secret")));
        assertTrue(saved.smtpPasswordSet());
        assertTrue(saved.imapPasswordSet());
        assertEquals(null, saved.owner());
        assertFalse("no password in what is shown: " + saved, saved.toString().contains("sales-secret"));
        ConnectionCheck check = asAdmin(() -> accounts.test(saved.id()));
        assertTrue(check.toString(), check.ok());
        assertEquals("Connected and signed in to 127.0.0.1:" + smtpPort() + " (no encryption).", check.smtp());
        assertEquals("Connected and signed in to 127.0.0.1:" + imapPort() + " (no encryption), folder INBOX found.", check.imap());
        // saved again without passwords: they are kept
        MailAccount renamed = asAdmin(() -> accounts.save(account(saved.id(), saved.version(), "Sales", smtpPort(), null)));
        assertTrue(renamed.smtpPasswordSet());
        assertEquals(saved.version() + 1, renamed.version());
        assertTrue(asAdmin(() -> accounts.test(saved.id())).ok());
        // a wrong password is named as such
        MailAccount wrong = asAdmin(() -> accounts.save(account(null, 0, "Wrong password", smtpPort(), "not-it")));
        ConnectionCheck refused = asAdmin(() -> accounts.test(wrong.id()));
        assertFalse(refused.ok());
        assertTrue(refused.smtp(), refused.smtp().startsWith("127.0.0.1:" + smtpPort() + " refused the login: check the user and password"));
        asAdmin(() -> {
            accounts.delete(wrong.id());
            return null;
        });
        assertEquals(Set.of("Sales"), Set.copyOf(asAdmin(() -> accounts.list()).stream().map(MailAccount::name).toList()));
        assertEquals(saved.id(), asAdmin(() -> accounts.defaultAccount()).orElseThrow().id());

        // the REST resource: passwords go in, never out
        String base = "http://127.0.0.1:" + PaxExamSupport.httpPortOrFail() + "/api/v1/email/accounts";
        String bearer = bearer();
        assertTrue("the resource is served", eventually(60, () -> call("GET", base, bearer, null)[0].equals("200")));
        String[] listed = call("GET", base, bearer, null);
        assertTrue(listed[1], listed[1].contains("\"name\":\"Sales\"") && listed[1].contains("\"smtpPasswordSet\":true"));
        assertFalse(listed[1], listed[1].contains("sales-secret") || listed[1].contains("Password\":\""));
        String[] created = call("POST", base, bearer, "{\"name\":\"Mine\",\"fromAddress\":\"dora@example.com\",\"smtpHost\":"
                + "\"127.0.0.1\",\"smtpPort\":" + smtpPort() + ",\"smtpSecurity\":\"NONE\",\"smtpUser\":\"dora\",\"smtpPassword\":\"rest-secret\"}");
        assertEquals(created[1], "201", created[0]);
        assertTrue(created[1], created[1].contains("\"owner\":\"admin\"") && created[1].contains("\"smtpPasswordSet\":true"));
        assertFalse(created[1], created[1].contains("rest-secret"));
        String mine = created[1].replaceAll("(?s)^\\{\"id\":([0-9]+),.*", "$1");
        String[] invalid = call("PUT", base + "/" + mine, bearer, "{\"version\":1,\"name\":\"\",\"fromAddress\":\"dora\",\"smtpHost\":\"x\"}");
        assertEquals(invalid[1], "422", invalid[0]);
        assertTrue(invalid[1], invalid[1].contains("fromAddress") && invalid[1].contains("name"));
        assertEquals("204", call("DELETE", base + "/" + mine, bearer, null)[0]);
        // the shell: the same accounts, "(stored)" for the password
        String shellList = shellOrError("email:accounts");
        assertTrue(shellList, shellList.contains("Sales") && shellList.contains("(stored)") && !shellList.contains("sales-secret"));
        String shellTest = shellOrError("email:account-test " + saved.id());
        assertTrue(shellTest, shellTest.contains("SMTP: Connected and signed in") && shellTest.strip().endsWith("OK"));
    }

    @Test
    public void t2_mailToAContactArrivesWithItsPartsAndIsLoggedOnTheContact() throws Exception {
        Mailer mailer = PaxExamSupport.waitFor(context, Mailer.class);
        MailLog log = PaxExamSupport.waitFor(context, MailLog.class);
        RecordRow ann = asAdmin(() -> records.create("contact", Map.of("firstName", "Ann", "lastName", "Mailer", "email", "ann@example.com")));
        byte[] pdf = "%PDF-1.4 quote".getBytes(StandardCharsets.US_ASCII);
        MailMessage queued = asAdmin(() -> mailer.queue(OutgoingMail.to(List.of("Ann Mailer <ann@example.com>"), "Your quote Q-7")
                .withBody("<p>Dear <b>Ann</b>,</p><p>here is the quote.</p>", null)
                .withCopies(List.of("bob@example.com"), List.of())
                .withAttachments(List.of(new MailAttachment("quote-7.pdf", "application/pdf", pdf)))));
        assertEquals(MailState.QUEUED, queued.state());
        assertTrue(queued.messageId(), queued.messageId().matches("<[0-9a-f-]{36}@crm\\.example\\.com>"));
        assertEquals("the contact whose address it goes to is logged", List.of(new RecordRef("contact", ann.id(), "Ann Mailer")),
                queued.records());
        assertTrue("sent: " + asAdmin(() -> log.get(queued.id())),
                eventually(30, () -> asAdmin(() -> log.get(queued.id())).state() == MailState.SENT));
        MailMessage sent = asAdmin(() -> log.get(queued.id()));
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
        assertEquals(List.of("quote-7.pdf"), sent.attachments());
        assertEquals("Dear Ann,\n\nhere is the quote.", sent.text());

        String[] seen = new String[6];
        assertTrue("it arrived in ann's mailbox", eventually(30, () -> readInbox("ann@example.com", "ann", "Your quote Q-7", seen)));
        assertEquals(queued.messageId(), seen[0]);
        assertEquals("Sales Team <sales@example.com>", seen[1]);
        assertTrue(seen[2], seen[2].startsWith("multipart/mixed"));
        assertEquals("Dear Ann,\n\nhere is the quote.", seen[3]);
        assertEquals("<p>Dear <b>Ann</b>,</p><p>here is the quote.</p>", seen[4]);
        assertEquals("quote-7.pdf application/pdf %PDF-1.4 quote", seen[5]);
        assertTrue("bob got his copy", eventually(30, () -> readInbox("bob@example.com", "bob", "Your quote Q-7", new String[6])));

        // logged on the contact, and as a done activity there
        assertEquals(List.of(queued.id()), asAdmin(() -> log.forRecord("contact", ann.id())).stream().map(MailMessage::id).toList());
        assertTrue("an activity on the contact", eventually(30, () -> asAdmin(() -> records.page("activity", RecordQuery.page(0, 50)
                .withText("E-mail: Your quote Q-7"))).stream().anyMatch(row -> row.decimal("relatedId").map(java.math.BigDecimal::longValue).orElse(0L) == ann.id()
                        && row.bool("done").orElse(false) && row.text("description").contains("here is the quote."))));
        assertEquals(List.of(queued.id()), asAdmin(() -> log.list(MailState.SENT, 10)).stream().map(MailMessage::id).toList());
    }

    @Test
    public void t3_aUserWithoutEmailSendIsRefused() throws Exception {
        Mailer mailer = PaxExamSupport.waitFor(context, Mailer.class);
        MailAccounts accounts = PaxExamSupport.waitFor(context, MailAccounts.class);
        MailLog log = PaxExamSupport.waitFor(context, MailLog.class);
        asAdmin(() -> {
            ProfileInfo readers = security.saveProfile(new ProfileInfo(null, "Contact readers (mail IT)", false, Set.of("contacts.view")));
            return security.createUser(new UserInput("nomail", "No Mail", "", "", null, readers.id(), Set.of()), PASSWORD.toCharArray());
        });
        Caller nomail = new Caller("nomail");
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(nomail,
                () -> mailer.queue(OutgoingMail.to(List.of("ann@example.com"), "Hello").withBody(null, "Hi"))));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(nomail, () -> accounts.list()));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(nomail, () -> log.get(1L)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(nomail, () -> log.list(MailState.SENT, 10)));
    }

    @Test
    public void t4_aServerThatRefusesConnectionsIsRetriedThenTheMessageFailsWithTheError() throws Exception {
        MailAccounts accounts = PaxExamSupport.waitFor(context, MailAccounts.class);
        Mailer mailer = PaxExamSupport.waitFor(context, Mailer.class);
        MailLog log = PaxExamSupport.waitFor(context, MailLog.class);
        int closed = PaxExamSupport.freePort();
        MailAccount down = asAdmin(() -> accounts.save(account(null, 0, "Down", closed, "sales-secret")));
        MailMessage queued = asAdmin(() -> mailer.queue(OutgoingMail.to(List.of("carl@example.com"), "Nobody answers")
                .withBody(null, "Hello Carl").withAccount(down.id())));
        assertTrue("failed after its retries: " + asAdmin(() -> log.get(queued.id())),
                eventually(60, () -> asAdmin(() -> log.get(queued.id())).state() == MailState.FAILED));
        MailMessage failed = asAdmin(() -> log.get(queued.id()));
        assertEquals(2, failed.attempts());
        assertEquals("127.0.0.1:" + closed + " refused the connection: check the host and port, and that the server runs. "
                + "(gave up after 2 attempts)", failed.error());
        assertEquals(List.of(queued.id()), asAdmin(() -> log.list(MailState.FAILED, 10)).stream().map(MailMessage::id).toList());
        String outbox = shellOrError("email:outbox --state FAILED");
        assertTrue(outbox, outbox.contains("Nobody answers") && outbox.contains("refused the connection"));
        String[] failedByRest = call("GET", "http://127.0.0.1:" + PaxExamSupport.httpPortOrFail() + "/api/v1/email/outbox?state=failed",
                bearer(), null);
        assertEquals(failedByRest[1], "200", failedByRest[0]);
        assertTrue(failedByRest[1], failedByRest[1].contains("\"subject\":\"Nobody answers\"") && failedByRest[1].contains("\"attempts\":2"));
        // put back in the outbox: queued again with its attempts counted from zero
        MailMessage again = asAdmin(() -> mailer.retry(queued.id()));
        assertEquals(MailState.QUEUED, again.state());
        assertEquals(0, again.attempts());
        assertTrue(eventually(60, () -> asAdmin(() -> log.get(queued.id())).state() == MailState.FAILED));
    }

    @Test
    public void t5_theModuleUninstalledAndInstalledAgainKeepsItsAccountsAndLog() throws Exception {
        MailAccounts before = PaxExamSupport.waitFor(context, MailAccounts.class);
        long sharedId = asAdmin(() -> before.list()).stream().filter(a -> a.name().equals("Sales")).findFirst().orElseThrow().id();
        MailLog logBefore = PaxExamSupport.waitFor(context, MailLog.class);
        long sentId = asAdmin(() -> logBefore.list(MailState.SENT, 10)).get(0).id();
        List<String> removed = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the bundle is gone", eventually(60, () -> !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        PaxExamSupport.install(features, removed);
        // the probe stays wired to the API package of the bundle it started with: the new services are called by name
        Object accounts = PaxExamSupport.newService(context, MailAccounts.class.getName());
        Method list = accounts.getClass().getMethod("list");
        String listed = String.valueOf(asAdmin(() -> PaxExamSupport.invoke(list, accounts)));
        assertTrue(listed, listed.contains("name=Sales,") && listed.contains("name=Down,"));
        Method test = accounts.getClass().getMethod("test", long.class);
        String check = String.valueOf(asAdmin(() -> PaxExamSupport.invoke(test, accounts, sharedId)));
        assertTrue("the password survived: " + check, check.startsWith("ConnectionCheck[ok=true"));
        Object log = PaxExamSupport.newService(context, MailLog.class.getName());
        Method get = log.getClass().getMethod("get", long.class);
        String sent = String.valueOf(asAdmin(() -> PaxExamSupport.invoke(get, log, sentId)));
        assertTrue(sent, sent.contains("state=SENT") && sent.contains("subject=Your quote Q-7"));
    }

    private String bearer() {
        return asAdmin(() -> tokens.create("admin", new ApiTokenRequest("email-it-" + System.nanoTime(), ApiTokenScope.READ_WRITE, Set.of(),
                Optional.empty()))).secret();
    }

    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }

    private static String[] call(String method, String url, String bearer, String json) {
        return PaxExamSupport.apiCall(method, url, bearer, json);
    }

    /**
     * Templates (issue 23 item 2): a contact merged escaped, in the shell and over REST. It runs before t5 uninstalls
     * and reinstalls the module: after that the probe no longer sees the templates service by its API class.
     */
    @Test
    public void t4t_aTemplateMergesAContactEscapedAndShowsInTheShellAndTheApi() throws Exception {
        MailTemplates templates = PaxExamSupport.waitFor(context, MailTemplates.class);
        CustomFields customFields = PaxExamSupport.waitFor(context, CustomFields.class);
        String tier = asAdmin(() -> customFields.add("contact", CustomFieldInput.of("Mail tier", FieldType.TEXT))).name();
        RecordRow company = asAdmin(() -> records.create("company", Map.of("name", "Acme & Sons")));
        RecordRow contact = asAdmin(() -> records.create("contact", Map.of("firstName", "<b>Ann</b> & \"Co\"",
                "lastName", "Template", "company", Long.toString(company.id()), tier, "Gold")));

        ValidationException unknown = assertThrows(ValidationException.class, () -> asAdmin(() -> templates.save(
                new MailTemplate(0, "Broken", "contact", "Hi $[Contacts.Shoe size]", "<p>$[Contacts.Hat size]</p>", "", null, 0))));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("$[Contacts.Shoe size]")
                && unknown.getMessage().contains("$[Contacts.Hat size]"));
        MailTemplate saved = asAdmin(() -> templates.save(new MailTemplate(0, "Welcome IT", "contact",
                "Hello $[Contacts.First name|there]", "<p onclick=\"steal()\">Dear $[Contacts.First name], $[Contacts.Mail tier] "
                        + "at $[Contacts.Company.Name]</p><script>alert(1)</script>", "", null, 0)));
        assertFalse(saved.html(), saved.html().contains("script") || saved.html().contains("onclick"));
        ValidationException taken = assertThrows(ValidationException.class, () -> asAdmin(() -> templates.save(
                new MailTemplate(0, "welcome it", "", "x", "", "x", null, 0))));
        assertTrue(taken.getMessage(), taken.getMessage().contains("already exists"));
        byte[] pdf = "%PDF-1.4 terms".getBytes(StandardCharsets.US_ASCII);
        asAdmin(() -> templates.attach(saved.id(), new MailAttachment("terms.pdf", "application/pdf", pdf)));
        ValidationException disguised = assertThrows(ValidationException.class, () -> asAdmin(() -> templates.attach(saved.id(),
                new MailAttachment("run.pdf", "application/pdf", "MZ".getBytes(StandardCharsets.US_ASCII)))));
        assertTrue(disguised.getMessage(), disguised.getMessage().contains("is not a .pdf file"));

        RenderedMail mail = asAdmin(() -> templates.render(saved.id(), "contact", contact.id()));
        assertEquals("Hello <b>Ann</b> & \"Co\"", mail.subject());
        assertEquals("<p>Dear &lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Co&quot;, Gold at Acme &amp; Sons</p>", mail.html());
        assertEquals("Dear <b>Ann</b> & \"Co\", Gold at Acme & Sons", mail.text());
        assertEquals(List.of(), mail.unknownFields());
        assertEquals(List.of("terms.pdf"), mail.attachments().stream().map(MailAttachment::name).toList());
        assertTrue(asAdmin(() -> templates.mergeFields("contact")).containsAll(List.of("$[Contacts.First name]",
                "$[Contacts.Mail tier]", "$[Contacts.Company.Name]", "$[User.Signature]")));

        String listed = PaxExamSupport.shellOrError(shell, "email:templates --type contact");
        assertTrue(listed, listed.contains("Welcome IT"));
        String previewed = PaxExamSupport.shellOrError(shell, "email:template-preview " + saved.id() + " contact " + contact.id());
        assertTrue(previewed, previewed.contains("Subject: Hello <b>Ann</b>") && previewed.contains("Attachment: terms.pdf"));

        String bearer = asAdmin(() -> tokens.create("admin", new ApiTokenRequest("templates-it", ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        String base = "http://127.0.0.1:" + PaxExamSupport.httpPortOrFail() + "/api/v1/email/";
        assertTrue("the resources are served", eventually(60,
                () -> PaxExamSupport.apiCall("GET", base + "merge-fields?type=contact", bearer, null)[0].equals("200")));
        String[] fields = PaxExamSupport.apiCall("GET", base + "merge-fields?type=contact", bearer, null);
        assertTrue(fields[1], fields[1].contains("\"$[Contacts.Mail tier]\""));
        String[] rendered = PaxExamSupport.apiCall("GET", base + "templates/" + saved.id() + "/render?type=contact&id="
                + contact.id(), bearer, null);
        assertEquals(rendered[1], "200", rendered[0]);
        assertTrue(rendered[1], rendered[1].contains("Dear &lt;b&gt;Ann&lt;/b&gt;") && rendered[1].contains("\"terms.pdf\""));
        assertEquals("404", PaxExamSupport.apiCall("GET", base + "templates/" + saved.id() + "/render?type=contact&id=999999",
                bearer, null)[0]);
    }

    /**
     * Reads a mailbox over IMAP from inside Karaf and describes the message with the subject.
     *
     * @param out Message-ID, From, content type, text part, HTML part, "attachment-name type content"
     * @return whether the message was there
     */
    private static boolean readInbox(String user, String password, String subject, String[] out) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            Properties props = new Properties();
            props.setProperty("mail.imap.connectiontimeout", "5000");
            props.setProperty("mail.imap.timeout", "5000");
            try (Store store = Session.getInstance(props).getStore("imap")) {
                store.connect("127.0.0.1", imapPort(), user, password);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    for (Message message : inbox.getMessages()) {
                        if (subject.equals(message.getSubject())) {
                            out[0] = message.getHeader("Message-ID")[0];
                            out[1] = message.getFrom()[0].toString();
                            out[2] = message.getContentType();
                            Multipart mixed = (Multipart) message.getContent();
                            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
                            out[3] = ((String) alternative.getBodyPart(0).getContent()).strip().replace("\r\n", "\n");
                            out[4] = ((String) alternative.getBodyPart(1).getContent()).strip();
                            BodyPart file = mixed.getBodyPart(1);
                            try (InputStream in = file.getInputStream(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                                in.transferTo(bytes);
                                out[5] = file.getFileName() + " " + file.getContentType().replaceAll(";.*", "").strip().toLowerCase(java.util.Locale.ROOT) + " "
                                        + bytes.toString(StandardCharsets.US_ASCII);
                            }
                            return Part.ATTACHMENT.equalsIgnoreCase(file.getDisposition());
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
