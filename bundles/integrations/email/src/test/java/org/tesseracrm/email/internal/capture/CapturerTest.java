package org.tesseracrm.email.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.record.RecordRef;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Capture runs against a real IMAP server (GreenMail in the test JVM, on a free port): messages delivered into the
 * mailbox are read by UID, stored once, matched by thread headers or addresses, bounded and cleaned.
 */
class CapturerTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(true);

    private static final long ACCOUNT = 7;
    private static final Set<String> OWN = Set.of("sales@tessera.test");
    private static final RecordRef ALICE = new RecordRef("contact", 5, "Alice Example");
    private static final RecordRef ALICE_LEAD = new RecordRef("lead", 9, "Alice Example");
    private static final RecordRef ACME = new RecordRef("company", 3, "Acme");

    private GreenMailUser mailbox;
    private CaptureTestMail.Log log;
    private ImapFetcher.Server server;
    private final RecordFinder finder = address -> Map.of(
            "alice@example.com", List.of(ALICE, ALICE_LEAD),
            "info@acme.test", List.of(ACME),
            "sales@tessera.test", List.of(new RecordRef("contact", 99, "The mailbox itself")))
            .getOrDefault(address, List.of());

    @BeforeEach
    void setUp() {
        mailbox = GREENMAIL.setUser("sales@tessera.test", "sales", "secret-pw");
        log = new CaptureTestMail.Log();
        server = new ImapFetcher.Server("127.0.0.1", GREENMAIL.getImap().getPort(), MailSecurity.NONE, "sales",
                "secret-pw", "INBOX");
    }

    private Capturer capturer(CaptureLimits limits) {
        return new Capturer(new ImapFetcher(Duration.ofSeconds(10)), log, log, limits,
                Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));
    }

    private Capturer.Result run(CaptureLimits limits, Optional<ImapFetcher.FolderState> state) throws Exception {
        return capturer(limits).run(ACCOUNT, server, OWN, state, finder);
    }

    private void deliver(int n) throws MessagingException {
        for (int i = 1; i <= n; i++) {
            mailbox.deliver(CaptureTestMail.plain("<m" + i + "@example.com>", "Bob <bob@nowhere.test>",
                    "sales@tessera.test", "Message " + i, "Body " + i));
        }
    }

    @Test
    void readsNewMessagesByUidInBoundedRuns() throws Exception {
        deliver(3);
        CaptureLimits two = new CaptureLimits(2, 1024, 4096, 1000);
        Capturer.Result first = run(two, Optional.empty());
        assertEquals(2, first.unmatched(), first.summary());
        assertTrue(first.more());
        Capturer.Result second = run(two, Optional.of(first.state()));
        assertEquals(1, second.unmatched());
        assertFalse(second.more());
        assertTrue(second.state().lastUid() > first.state().lastUid());
        Capturer.Result third = run(two, Optional.of(second.state()));
        assertEquals(0, third.unmatched() + third.duplicates(), "nothing new: " + third.summary());
        assertEquals(second.state(), third.state());
        mailbox.deliver(CaptureTestMail.plain("<m4@example.com>", "bob@nowhere.test", "sales@tessera.test", "Four",
                "4"));
        Capturer.Result fourth = run(two, Optional.of(third.state()));
        assertEquals(1, fourth.unmatched());
        assertEquals(List.of("Message 1", "Message 2", "Message 3", "Four"),
                log.all().stream().map(s -> s.mail().subject()).toList());
    }

    @Test
    void neverStoresAMessageTwiceEvenWhenTheMailboxIsReadAgain() throws Exception {
        deliver(2);
        mailbox.deliver(CaptureTestMail.plain(null, "bob@nowhere.test", "sales@tessera.test", "No id", "none"));
        Capturer.Result first = run(CaptureLimits.DEFAULT, Optional.empty());
        assertEquals(3, first.unmatched());
        // the state lost (read again from the start) and a renumbered folder (another UIDVALIDITY): nothing new
        Capturer.Result again = run(CaptureLimits.DEFAULT, Optional.empty());
        assertEquals(3, again.duplicates(), again.summary());
        Capturer.Result renumbered = run(CaptureLimits.DEFAULT,
                Optional.of(new ImapFetcher.FolderState(first.state().uidValidity() + 1, 99)));
        assertEquals(3, renumbered.duplicates(), renumbered.summary());
        assertEquals(3, log.stored.size());
        String hashed = log.all().get(2).mail().messageId();
        assertTrue(hashed.startsWith("<sha256-") && hashed.endsWith("@capture.tessera>"), hashed);
    }

    @Test
    void aReplyGoesToTheRecordsOfTheMailItAnswers() throws Exception {
        RecordRef quote = new RecordRef("quote", 42, "Q-42");
        log.sent(500, "<sent-1@tessera.test>", quote, ALICE);
        mailbox.deliver(CaptureTestMail.plain("<reply-1@elsewhere.test>", "Someone Else <else@elsewhere.test>",
                "sales@tessera.test", "Re: Your quote", "Thanks", "In-Reply-To: <sent-1@tessera.test>",
                "References: <older@tessera.test> <sent-1@tessera.test>"));
        Capturer.Result result = run(CaptureLimits.DEFAULT, Optional.empty());
        assertEquals(1, result.received());
        CaptureTestMail.Stored reply = log.all().get(0);
        assertEquals(MailState.RECEIVED, reply.state());
        assertEquals(List.of(quote, ALICE), reply.records());
        assertEquals(List.of("<sent-1@tessera.test>", "<older@tessera.test>"), reply.mail().threadIds());
        assertEquals("else@elsewhere.test", reply.mail().from());
        assertEquals("Someone Else", reply.mail().fromName());
    }

    @Test
    void otherMailGoesToTheRecordsHoldingItsAddressesButNotTheMailboxOwn() throws Exception {
        mailbox.deliver(CaptureTestMail.plain("<a1@example.com>", "Alice <Alice@Example.com>",
                "sales@tessera.test", "Hello", "Hi", "Cc: info@acme.test, unknown@nowhere.test",
                "In-Reply-To: <not-ours@elsewhere.test>"));
        mailbox.deliver(CaptureTestMail.plain("<a2@example.com>", "stranger@nowhere.test", "sales@tessera.test",
                "Who?", "?"));
        Capturer.Result result = run(CaptureLimits.DEFAULT, Optional.empty());
        assertEquals(1, result.received());
        assertEquals(1, result.unmatched());
        CaptureTestMail.Stored hello = log.all().get(0);
        assertEquals(List.of(ALICE, ALICE_LEAD, ACME), hello.records());
        assertEquals(List.of("info@acme.test", "unknown@nowhere.test"), hello.mail().cc());
        CaptureTestMail.Stored who = log.all().get(1);
        assertEquals(MailState.UNMATCHED, who.state());
        assertEquals(List.of(), who.records());
    }

    @Test
    void attachmentsOverTheBoundAreNotStoredButNamed() throws Exception {
        String small = "A".repeat(500);
        String big = "B".repeat(5000);
        mailbox.deliver(CaptureTestMail.raw("""
                Message-ID: <att@example.com>
                From: alice@example.com
                To: sales@tessera.test
                Subject: Files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: multipart/alternative; boundary="YY"

                --YY
                Content-Type: text/plain; charset=UTF-8

                See the files.
                --YY
                Content-Type: text/html; charset=UTF-8

                <p onclick="evil()">See <b>the files</b>.<img src="https://tracker.test/pixel.gif"><script>alert(1)</script></p>
                --YY--
                --XX
                Content-Type: text/plain; name="small.txt"
                Content-Disposition: attachment; filename="small.txt"

                %s
                --XX
                Content-Type: application/octet-stream; name="big.bin"
                Content-Disposition: attachment; filename="big.bin"

                %s
                --XX--
                """.formatted(small, big)));
        run(new CaptureLimits(10, 1024, 4096, 1000), Optional.empty());
        CapturedMail mail = log.all().get(0).mail();
        assertEquals(List.of("small.txt"), mail.attachmentNames());
        assertEquals(small, new String(mail.attachments().get(0).content()).strip());
        assertEquals("text/plain", mail.attachments().get(0).contentType());
        assertEquals(List.of("big.bin was not stored: larger than 1 KB."), mail.notes());
        assertEquals("See the files.", mail.text().strip());
        assertEquals("<p>See <b>the files</b>.</p>", mail.html());
        assertTrue(mail.textWithNotes().endsWith("[big.bin was not stored: larger than 1 KB.]"));
    }

    @Test
    void theAttachmentsOfOneMessageAreBoundedTogether() throws Exception {
        StringBuilder raw = new StringBuilder("""
                Message-ID: <many@example.com>
                From: alice@example.com
                To: sales@tessera.test
                Subject: Many
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: text/html; charset=UTF-8

                <div>Only <i>HTML</i></div>
                """);
        for (int i = 1; i <= 3; i++) {
            raw.append("--XX\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"f")
                    .append(i).append(".pdf\"\n\n").append("P".repeat(900)).append('\n');
        }
        raw.append("--XX--\n");
        mailbox.deliver(CaptureTestMail.raw(raw.toString()));
        run(new CaptureLimits(10, 1024, 2000, 1000), Optional.empty());
        CapturedMail mail = log.all().get(0).mail();
        assertEquals(List.of("f1.pdf", "f2.pdf"), mail.attachmentNames());
        assertEquals(List.of("f3.pdf was not stored: the message's attachments would be over 1 KB."), mail.notes());
        assertEquals("Only HTML", mail.text());
    }

    @Test
    void aDeliveryReportIsRecordedAsABounceNotAsMail() throws Exception {
        log.sent(600, "<sent-2@tessera.test>", ALICE);
        mailbox.deliver(CaptureTestMail.raw(BounceParserTest.POSTFIX_DSN));
        mailbox.deliver(CaptureTestMail.raw(BounceParserTest.POSTFIX_DSN.replace("sent-2@tessera.test",
                "someone-else@elsewhere.test").replace("<dsn-1@mx.tessera.test>", "<dsn-2@mx.tessera.test>")));
        Capturer.Result result = run(CaptureLimits.DEFAULT, Optional.empty());
        assertEquals(1, result.bounced(), result.summary());
        assertEquals(1, result.skipped(), "a report about mail Tessera did not send");
        assertEquals(0, log.stored.size());
        assertEquals(List.of(600L), log.bouncedMessages);
        Bounce.Recipient failed = log.bounces.get(0).recipients().get(0);
        assertEquals("nobody@example.com", failed.address());
        assertTrue(failed.hard());
    }

    @Test
    void aWrongPasswordSaysSo() {
        ImapFetcher.Server wrong = new ImapFetcher.Server(server.host(), server.port(), MailSecurity.NONE, "sales",
                "wrong", "INBOX");
        assertThrows(AuthenticationFailedException.class, () -> capturer(CaptureLimits.DEFAULT)
                .run(ACCOUNT, wrong, OWN, Optional.empty(), finder));
        assertNotNull(wrong.toString());
        assertFalse(wrong.toString().contains("wrong"), "the password is never shown");
    }
}
