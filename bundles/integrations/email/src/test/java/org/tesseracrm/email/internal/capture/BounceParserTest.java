package org.tesseracrm.email.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Delivery status notifications as mail servers send them, read back to recipient, status and original id. */
class BounceParserTest {
    /** A report as Postfix writes it: one recipient failed for good, one delayed, the original's headers returned. */
    static final String POSTFIX_DSN = """
            Message-ID: <dsn-1@mx.tessera.test>
            From: MAILER-DAEMON@mx.tessera.test (Mail Delivery System)
            To: sales@tessera.test
            Subject: Undelivered Mail Returned to Sender
            Date: Sat, 5 Dec 2026 10:05:00 +0000
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="B1"

            --B1
            Content-Description: Notification
            Content-Type: text/plain; charset=us-ascii

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients.

            --B1
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.tessera.test
            X-Postfix-Queue-ID: 4F1A2B3C
            Arrival-Date: Sat,  5 Dec 2026 10:04:58 +0000 (UTC)

            Final-Recipient: rfc822; Nobody@Example.com
            Original-Recipient: rfc822;nobody@example.com
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mail.example.com
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address
                rejected: User unknown in virtual mailbox table

            Final-Recipient: rfc822; later@example.com
            Action: delayed
            Status: 4.4.1
            Diagnostic-Code: X-Postfix; connect to mail.example.com: Connection refused

            Final-Recipient: rfc822; fine@example.com
            Action: delivered
            Status: 2.0.0

            --B1
            Content-Description: Undelivered Message Headers
            Content-Type: text/rfc822-headers

            Message-ID: <sent-2@tessera.test>
            From: Sales <sales@tessera.test>
            To: nobody@example.com, later@example.com, fine@example.com
            Subject: Your quote

            --B1--
            """;

    @Test
    void readsEachFailedRecipientWithItsStatusAndTheOriginalMessageId() throws Exception {
        Bounce bounce = BounceParser.parse(CaptureTestMail.raw(POSTFIX_DSN)).orElseThrow();
        assertEquals("<dsn-1@mx.tessera.test>", bounce.reportId());
        assertEquals(Optional.of("<sent-2@tessera.test>"), bounce.originalMessageId());
        assertEquals(2, bounce.recipients().size(), "the delivered recipient is not a bounce: " + bounce);
        Bounce.Recipient hard = bounce.recipients().get(0);
        assertEquals("nobody@example.com", hard.address());
        assertEquals("5.1.1", hard.status());
        assertTrue(hard.hard());
        assertEquals("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox "
                + "table", hard.diagnostic());
        Bounce.Recipient soft = bounce.recipients().get(1);
        assertEquals("later@example.com", soft.address());
        assertEquals("4.4.1", soft.status());
        assertFalse(soft.hard());
    }

    @Test
    void theReturnedMessageMayBeWhole() throws Exception {
        String whole = POSTFIX_DSN.replace("Content-Type: text/rfc822-headers", "Content-Type: message/rfc822")
                .replace("Subject: Your quote\n", "Subject: Your quote\n\nThe quote body.\n");
        Bounce bounce = BounceParser.parse(CaptureTestMail.raw(whole)).orElseThrow();
        assertEquals(Optional.of("<sent-2@tessera.test>"), bounce.originalMessageId());
    }

    @Test
    void aReportWithoutItsReportTypeStillCounts() throws Exception {
        String loose = POSTFIX_DSN.replace("multipart/report; report-type=delivery-status;", "multipart/report;");
        assertEquals(2, BounceParser.parse(CaptureTestMail.raw(loose)).orElseThrow().recipients().size());
    }

    @Test
    void aReadReceiptOrOrdinaryMailIsNoBounce() throws Exception {
        String receipt = POSTFIX_DSN.replace("report-type=delivery-status", "report-type=disposition-notification");
        assertEquals(Optional.empty(), BounceParser.parse(CaptureTestMail.raw(receipt)));
        assertEquals(Optional.empty(), BounceParser.parse(CaptureTestMail.plain("<x@y>", "a@b.test", "c@d.test",
                "Hello", "Status: 5.1.1")));
    }

    @Test
    void eximPlainBouncesNameTheirRecipientsInAHeader() throws Exception {
        Bounce bounce = BounceParser.parse(CaptureTestMail.plain("<exim-1@mx.test>", "Mail Delivery System "
                + "<Mailer-Daemon@mx.test>", "sales@tessera.test", "Mail delivery failed: returning message to sender",
                """
                This message was created automatically by mail delivery software.

                  gone@example.com
                    host mail.example.com said: 550 No such user

                ------ This is a copy of the message, including all the headers. ------

                Message-ID: <sent-3@tessera.test>
                Subject: Hello
                """, "X-Failed-Recipients: Gone@example.com")).orElseThrow();
        assertEquals(Optional.of("<sent-3@tessera.test>"), bounce.originalMessageId());
        assertEquals(List.of(new Bounce.Recipient("gone@example.com", "5.0.0", "")), bounce.recipients());
    }
}
