package org.tesseracrm.email.internal.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Sends through a real SMTP server (GreenMail in the test JVM) and reads what arrived. */
class SmtpSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    static MailAccount account(int port) {
        return new MailAccount(1, "Sales", null, "sales@example.com", "Sales Team", "127.0.0.1", port, MailSecurity.NONE, "", false,
                "", 0, MailSecurity.TLS, "", false, "INBOX", 30, null, true, 1);
    }

    static StoredMessage message(String html, String text) {
        return new StoredMessage(7, 1, false, MailState.QUEUED, "<4b1c@crm.example.com>", "", "", "Sales Team <sales@example.com>",
                List.of("Ann Lee <ann@example.com>"), List.of("bob@example.com"), List.of("carl@example.com"), "Your quote – Q-12",
                html, text, Map.of("List-Unsubscribe", "<https://crm.example.com/u/1>"), "admin", NOW, Optional.empty(), 0,
                Optional.empty(), Optional.empty(), "", "record");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void sendsHtmlTextAndAttachmentWithTheStoredMessageId() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            byte[] pdf = "%PDF-1.4 quote".getBytes(StandardCharsets.US_ASCII);
            SmtpSender.Outcome outcome = new SmtpSender(5, 5).send(account(server.getSmtp().getPort()), Optional.empty(),
                    message("<p>Hello <b>Ann</b></p>", "Hello Ann"), List.of(new MailAttachment("quote é.pdf", "application/pdf", pdf)), NOW);
            assertTrue(outcome.sent(), outcome.error());
            assertTrue(server.waitForIncomingEmail(5000, 3), "to, cc and bcc each got it");
            MimeMessage received = server.getReceivedMessages()[0];
            assertEquals("<4b1c@crm.example.com>", received.getMessageID());
            assertEquals("Your quote – Q-12", received.getSubject());
            assertEquals("Sales Team <sales@example.com>", received.getFrom()[0].toString());
            assertEquals("<https://crm.example.com/u/1>", received.getHeader("List-Unsubscribe")[0]);
            assertEquals(null, received.getHeader("Bcc"), "blind copies are not in the headers");
            Multipart mixed = (Multipart) received.getContent();
            assertTrue(mixed.getContentType().startsWith("multipart/mixed"));
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
            assertEquals("Hello Ann", ((String) alternative.getBodyPart(0).getContent()).strip());
            assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
            assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
            assertEquals("<p>Hello <b>Ann</b></p>", ((String) alternative.getBodyPart(1).getContent()).strip());
            BodyPart file = mixed.getBodyPart(1);
            assertEquals(Part.ATTACHMENT, file.getDisposition());
            assertEquals("quote é.pdf", file.getFileName());
            assertTrue(file.isMimeType("application/pdf"));
            try (InputStream in = file.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                assertEquals("%PDF-1.4 quote", out.toString(StandardCharsets.US_ASCII));
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void htmlOnlyGetsATextPartMadeFromIt() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            SmtpSender.Outcome outcome = new SmtpSender(5, 5).send(account(server.getSmtp().getPort()), Optional.empty(),
                    message("<p>Hello</p><p>See <a href=\"https://example.com/q\">the quote</a></p>", null), List.of(), NOW);
            assertTrue(outcome.sent(), outcome.error());
            assertTrue(server.waitForIncomingEmail(5000, 1));
            Multipart alternative = (Multipart) server.getReceivedMessages()[0].getContent();
            assertEquals("Hello\n\nSee the quote (https://example.com/q)",
                    ((String) alternative.getBodyPart(0).getContent()).strip().replace("\r\n", "\n"));
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerThatIsDownFailsForNowThenTheMessageGoesWhenItIsBack() throws Exception {
        int port = freePort();
        SmtpSender sender = new SmtpSender(2, 2);
        SmtpSender.Outcome down = sender.send(account(port), Optional.empty(), message(null, "Hi"), List.of(), NOW);
        assertFalse(down.sent());
        assertFalse(down.permanent(), "a refused connection is retried");
        assertEquals("127.0.0.1:" + port + " refused the connection: check the host and port, and that the server runs.", down.error());
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            SmtpSender.Outcome up = sender.send(account(port), Optional.empty(), message(null, "Hi"), List.of(), NOW);
            assertTrue(up.sent(), up.error());
            assertTrue(server.waitForIncomingEmail(5000, 3));
            Multipart alternative = (Multipart) server.getReceivedMessages()[0].getContent();
            assertEquals("Hi", ((String) alternative.getBodyPart(0).getContent()).strip());
        } finally {
            server.stop();
        }
    }

    @Test
    void aLoginTheServerRefusesSaysSo() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser("sales@example.com", "sales", "right");
        server.getManagers().getUserManager().setAuthRequired(true);
        server.start();
        try {
            int port = server.getSmtp().getPort();
            MailAccount account = new MailAccount(1, "Sales", null, "sales@example.com", "", "127.0.0.1", port, MailSecurity.NONE,
                    "sales", true, "", 0, MailSecurity.TLS, "", false, "INBOX", 30, null, true, 1);
            SmtpSender.Outcome refused = new SmtpSender(5, 5).send(account, Optional.of("wrong"), message(null, "Hi"), List.of(), NOW);
            assertFalse(refused.sent());
            assertTrue(refused.error().startsWith("127.0.0.1:" + port + " refused the login: check the user and password"),
                    refused.error());
            assertTrue(new SmtpSender(5, 5).send(account, Optional.of("right"), message(null, "Hi"), List.of(), NOW).sent());
        } finally {
            server.stop();
        }
    }
}
