package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayInputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * Boots the distribution on PostgreSQL ({@link PaxExamSupport#postgres()}; {@link EmailModuleIT} covers Derby) once
 * with GreenMail's SMTP and IMAP server in the test JVM ({@link TestMailServer},
 * its ports passed in as system properties) and proves mail capture end to end: a shared account whose IMAP mailbox is
 * GreenMail's; messages are put into that mailbox over IMAP (APPEND) from inside Karaf, and the capture (its durable
 * timer every 10 s, and {@code email:capture-now}) reads them: a reply to mail sent to a contact shows up in the
 * contact's mail log once, however often the mailbox is read; mail from unknown senders waits in the inbox (shell and
 * {@code /api/v1/email/inbox}), is filed on a contact over REST, and a lead is made of another sender; a delivery report
 * for mail sent to a missing address suppresses the address, posts {@code MailEvents.BOUNCED} and is not mail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CaptureIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String FEATURE = "crm-email";
    private static final String BUNDLE = "org.tesseracrm.email";
    private static final AtomicReference<Long> ACCOUNT = new AtomicReference<>();
    private static final AtomicReference<Long> CARA = new AtomicReference<>();
    private static final List<Event> BOUNCES = new CopyOnWriteArrayList<>();

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    @Inject
    private RecordTypes types;
    /** Getting it activates the kernel's authenticator, which creates the first admin the test acts as. */
    @Inject
    private Authenticator authenticator;
    @Inject
    private ConfigurationAdmin configurations;
    @Inject
    private SessionFactory shell;
    @Inject
    private ApiTokens tokens;

    @Configuration
    public Option[] config() throws Exception {
        int[] mail = TestMailServer.start();
        // On PostgreSQL: EmailModuleIT runs the e-mail schema on Derby, this class on the production database
        Option[] postgres = PaxExamSupport.postgres();
        Option[] options = java.util.Arrays.copyOf(postgres, postgres.length + 2);
        options[postgres.length] = systemProperty(TestMailServer.SMTP_PORT).value(String.valueOf(mail[0]));
        options[postgres.length + 1] = systemProperty(TestMailServer.IMAP_PORT).value(String.valueOf(mail[1]));
        return PaxExamSupport.distribution(PaxExamSupport.httpPortOrFail(), options);
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }

    @Test
    public void t0_aSharedAccountCapturesItsMailbox() throws Exception {
        assertTrue("boot finished", eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        org.osgi.service.cm.Configuration capture = configurations.getConfiguration("org.tesseracrm.email.capture", "?");
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("pollSeconds", 10);
        values.put("timeoutSeconds", 5);
        capture.update(values);
        if (!PaxExamSupport.bundleInstalled(context, BUNDLE)) {
            features.installFeature(FEATURE, java.util.EnumSet.noneOf(FeaturesService.Option.class));
        }
        awaitEmail();
        new Steps().t0();
    }

    @Test
    public void t1_aReplyToMailSentToAContactIsLoggedOnTheContactOnce() throws Exception {
        awaitEmail();
        new Steps().t1();
    }

    @Test
    public void t2_unmatchedMailIsFiledOrMadeALead() throws Exception {
        awaitEmail();
        new Steps().t2();
    }

    @Test
    public void t3_aDeliveryReportSuppressesTheAddressAndIsNotMail() throws Exception {
        awaitEmail();
        new Steps().t3();
    }

    /** Waits for the e-mail integration's services, named as text: the probe must not load its classes before. */
    private void awaitEmail() throws InterruptedException {
        assertTrue("the e-mail integration is there", eventually(120,
                () -> context.getServiceReference("org.tesseracrm.email.api.MailLog") != null));
    }

    /**
     * The checks, in a class of their own: only it names the e-mail API's types (in its methods and lambdas), and it is
     * loaded only when a test runs, after the e-mail bundle started. Pax Exam reads the test class's methods when the
     * probe starts, which may be before.
     */
    private final class Steps {
        private final MailLog log;

        Steps() throws InterruptedException {
            log = PaxExamSupport.waitFor(context, MailLog.class);
        }

        void t0() throws Exception {
            MailAccounts accounts = PaxExamSupport.waitFor(context, MailAccounts.class);
            MailAccount saved = asAdmin(() -> accounts.save(new MailAccountInput(null, 0, "Capture", true, TestMailServer.SALES,
                    "Sales Team", "127.0.0.1", port(TestMailServer.SMTP_PORT), MailSecurity.NONE, "sales", "sales-secret",
                    "127.0.0.1", port(TestMailServer.IMAP_PORT), MailSecurity.NONE, "sales", "sales-secret", "INBOX", 60, null,
                    true)));
            assertTrue(saved.captures());
            ACCOUNT.set(saved.id());
            context.registerService(EventHandler.class, BOUNCES::add,
                    new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, MailEvents.BOUNCED)));
            boolean there = eventually(60, () -> shellOrError("email:capture-now " + saved.id())
                    .matches("(?s).*\\d+ received, \\d+ unmatched.*"));
            if (!there) {
                fail("email:capture-now is there: " + shellOrError("email:capture-now " + saved.id()) + "\n"
                        + shellOrError("scr:info org.tesseracrm.email.internal.capture.CaptureService") + "\n"
                        + shellOrError("scr:info org.tesseracrm.email.internal.capture.Inbox"));
            }
            String mailboxes = shellOrError("email:capture-now");
            assertTrue(mailboxes, mailboxes.contains("Capture") && mailboxes.contains("shared"));
        }

        void t1() throws Exception {
            RecordRow cara = asAdmin(() -> records.create("contact", Map.of("firstName", "Cara", "lastName", "Capture",
                    "email", "cara@example.com")));
            CARA.set(cara.id());
            String sentId = sendAndWait("cara@example.com", "Our offer", "Here is our offer.")[1];
            // the reply comes from another address than the contact's: it is matched by its thread headers
            append("Message-ID: <reply-1@elsewhere.test>\nFrom: Cara at home <cara.home@elsewhere.test>\nTo: "
                    + TestMailServer.SALES + "\nSubject: Re: Our offer\nIn-Reply-To: " + sentId + "\nReferences: "
                    + sentId + "\nMIME-Version: 1.0\nContent-Type: text/html; charset=UTF-8\n\n"
                    + "<p>Yes, <b>thanks</b>!<img src=\"https://tracker.test/p.gif\"><script>alert(1)</script></p>\n");
            shellOrError("email:capture-now " + ACCOUNT.get());
            assertTrue("the reply is on the contact", eventually(30, () -> received(cara.id(), "Re: Our offer") == 1));
            MailMessage reply = asAdmin(() -> log.forRecord("contact", cara.id())).stream()
                    .filter(m -> m.inbound()).findFirst().orElseThrow();
            assertEquals(MailState.RECEIVED, reply.state());
            assertEquals("<p>Yes, <b>thanks</b>!</p>", reply.html());
            assertEquals("Yes, thanks!", reply.text());
            assertTrue(reply.from(), reply.from().contains("cara.home@elsewhere.test"));
            // read again: nothing is stored twice
            String again = shellOrError("email:capture-now " + ACCOUNT.get());
            assertTrue(again, again.startsWith("0 received, 0 unmatched"));
            assertEquals(1, received(cara.id(), "Re: Our offer"));
        }

        void t2() throws Exception {
            append("Message-ID: <q-1@nowhere.test>\nFrom: Walter Unknown <walter@nowhere.test>\nTo: " + TestMailServer.SALES
                    + "\nSubject: A question\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nHow much is it?\n");
            append("Message-ID: <q-2@nowhere.test>\nFrom: Greta Prospect <greta@nowhere.test>\nTo: " + TestMailServer.SALES
                    + "\nSubject: Interested\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nCall me.\n");
            shellOrError("email:capture-now " + ACCOUNT.get());
            assertTrue("both in the inbox", eventually(30, () -> {
                String inbox = shellOrError("email:inbox");
                return inbox.contains("A question") && inbox.contains("Interested");
            }));
            String base = "http://127.0.0.1:" + PaxExamSupport.httpPortOrFail() + "/api/v1/email/inbox";
            String bearer = asAdmin(() -> tokens.create("admin", new ApiTokenRequest("capture-it", ApiTokenScope.READ_WRITE,
                    Set.of(), Optional.empty()))).secret();
            assertTrue("the inbox resource is served", eventually(60, () -> call("GET", base, bearer, null)[0].equals("200")));
            String listed = call("GET", base, bearer, null)[1];
            long question = id(listed, "A question");
            long interested = id(listed, "Interested");
            assertTrue(listed, listed.contains("\"from\":\"Walter Unknown <walter@nowhere.test>\""));

            String[] filed = call("POST", base + "/" + question + "/file", bearer,
                    "{\"recordType\":\"contact\",\"recordId\":" + CARA.get() + "}");
            assertEquals(filed[1], "200", filed[0]);
            assertTrue(filed[1], filed[1].contains("\"state\":\"RECEIVED\""));
            assertEquals(1, received(CARA.get(), "A question"));
            String[] twice = call("POST", base + "/" + question + "/file", bearer,
                    "{\"recordType\":\"contact\",\"recordId\":" + CARA.get() + "}");
            assertEquals(twice[1], "404", twice[0]);

            if (types.find("lead").isPresent()) {
                String[] lead = call("POST", base + "/" + interested + "/lead", bearer, null);
                assertEquals(lead[1], "200", lead[0]);
                List<RecordRow> leads = asAdmin(() -> records.page("lead", RecordQuery.page(0, 5)
                        .withFilters(List.of(Filter.of("email", FilterOp.EQUALS, "greta@nowhere.test")))));
                assertEquals(1, leads.size());
                assertEquals("Greta", leads.get(0).text("firstName"));
                assertEquals("Prospect", leads.get(0).text("lastName"));
                assertEquals(1, received(leads.get(0).id(), "Interested", "lead"));
            }
            String left = call("GET", base, bearer, null)[1];
            assertFalse(left, left.contains("A question"));
        }

        void t3() throws Exception {
            Suppressions suppressions = PaxExamSupport.waitFor(context, Suppressions.class);
            String[] sent = sendAndWait("gone@example.com", "Newsletter", "News.");
            assertFalse(asAdmin(() -> suppressions.suppressed("gone@example.com")));
            append("Message-ID: <dsn-9@mx.example.com>\nFrom: MAILER-DAEMON@mx.example.com\nTo: " + TestMailServer.SALES
                    + "\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                    + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n\n"
                    + "--R\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
                    + "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
                    + "Final-Recipient: rfc822; gone@example.com\nAction: failed\nStatus: 5.1.1\n"
                    + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
                    + "--R\nContent-Type: text/rfc822-headers\n\nMessage-ID: " + sent[1]
                    + "\nSubject: Newsletter\n\n--R--\n");
            shellOrError("email:capture-now " + ACCOUNT.get());
            assertTrue("suppressed", eventually(30, () -> asAdmin(() -> suppressions.suppressed("gone@example.com"))));
            assertTrue("heard", eventually(10, () -> !BOUNCES.isEmpty()));
            Event bounce = BOUNCES.get(0);
            assertEquals(Long.parseLong(sent[0]), ((Number) bounce.getProperty(MailEvents.MESSAGE_ID)).longValue());
            assertEquals("gone@example.com", bounce.getProperty(MailEvents.RECIPIENT));
            assertEquals(Suppressions.Reason.BOUNCED, asAdmin(() -> suppressions.list(10)).stream()
                    .filter(s -> s.address().equals("gone@example.com")).findFirst().orElseThrow().reason());
            String inbox = shellOrError("email:inbox");
            assertFalse("a report is not mail: " + inbox, inbox.contains("Undelivered"));
            String again = shellOrError("email:capture-now " + ACCOUNT.get());
            assertEquals("reported once: " + BOUNCES, 1, BOUNCES.size());
            assertNotNull(again);
        }

        /**
         * Sends through the capture account and waits until the message is sent. Helpers take and return no type of the
         * e-mail API: the probe's class is read (its method signatures loaded) before the e-mail bundle may have started.
         *
         * @return the message's id in the log and its Message-ID header
         */
        private String[] sendAndWait(String to, String subject, String text) throws InterruptedException {
            Mailer mailer = PaxExamSupport.waitFor(context, Mailer.class);
            MailMessage queued = asAdmin(() -> mailer.queue(OutgoingMail.to(List.of(to), subject).withBody(null, text)
                    .withAccount(ACCOUNT.get())));
            assertTrue("sent", eventually(30, () -> asAdmin(() -> log.get(queued.id())).state() == MailState.SENT));
            MailMessage sent = asAdmin(() -> log.get(queued.id()));
            return new String[] {Long.toString(sent.id()), sent.messageId()};
        }

        private int received(long recordId, String subject) {
            return received(recordId, subject, "contact");
        }

        private int received(long recordId, String subject, String type) {
            return (int) asAdmin(() -> log.forRecord(type, recordId)).stream()
                    .filter(m -> m.inbound() && m.state() == MailState.RECEIVED && subject.equals(m.subject())).count();
        }
    }

    private static long id(String json, String subject) {
        Matcher item = Pattern.compile("\\{[^{}]*\"subject\":\"" + Pattern.quote(subject) + "\"[^{}]*\\}").matcher(json);
        assertTrue(json, item.find());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(item.group());
        assertTrue(item.group(), id.find());
        return Long.parseLong(id.group(1));
    }

    /** Puts a message into the shared account's mailbox over IMAP, as a mail server delivering it would. */
    private static void append(String raw) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(new Properties());
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", port(TestMailServer.IMAP_PORT), "sales", "sales-secret");
                Folder inbox = store.getFolder("INBOX");
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
                inbox.appendMessages(new Message[] {message});
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** An API call with HttpURLConnection. @return the status and the body */
    private static String[] call(String method, String url, String bearer, String json) {
        return PaxExamSupport.apiCall(method, url, bearer, json);
    }

    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }
}
