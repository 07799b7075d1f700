package org.tesseracrm.email.internal.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** Back-off, throttle, address and message checks of the outbox. */
class OutboxLogicTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void backoffDoublesUpToTheLongestWaitAndGivesUpAfterTheLastAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60), Duration.ofMinutes(10), 5);
        assertEquals(Duration.ofSeconds(60), backoff.delay(1));
        assertEquals(Duration.ofSeconds(120), backoff.delay(2));
        assertEquals(Duration.ofSeconds(480), backoff.delay(4));
        assertEquals(Duration.ofMinutes(10), backoff.delay(5));
        assertEquals(Duration.ofMinutes(10), backoff.delay(500), "no overflow");
        assertEquals(Optional.of(NOW.plusSeconds(60)), backoff.next(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(480)), backoff.next(4, NOW));
        assertEquals(Optional.empty(), backoff.next(5, NOW), "the fifth failed attempt was the last");
    }

    @Test
    void throttleSendsUpToTheLimitInAMinuteThenWaitsForTheNext() {
        Throttle.Decision first = Throttle.decide(Optional.empty(), 0, 2, NOW);
        assertTrue(first.send());
        assertEquals(NOW, first.windowStart());
        assertEquals(1, first.sent());
        Throttle.Decision second = Throttle.decide(Optional.of(NOW), 1, 2, NOW.plusSeconds(10));
        assertTrue(second.send());
        assertEquals(NOW, second.windowStart());
        assertEquals(2, second.sent());
        Throttle.Decision third = Throttle.decide(Optional.of(NOW), 2, 2, NOW.plusSeconds(20));
        assertFalse(third.send());
        assertEquals(NOW.plusSeconds(60), third.retryAt());
        Throttle.Decision nextMinute = Throttle.decide(Optional.of(NOW), 2, 2, NOW.plusSeconds(60));
        assertTrue(nextMinute.send());
        assertEquals(NOW.plusSeconds(60), nextMinute.windowStart());
        assertEquals(1, nextMinute.sent());
        assertTrue(Throttle.decide(Optional.of(NOW.plusSeconds(3600)), 9, 2, NOW).send(), "a window in the future (clock change) restarts");
    }

    @Test
    void addressesAreCheckedStrictly() {
        assertEquals(Optional.empty(), Addresses.problem("ann@example.com"));
        assertEquals(Optional.empty(), Addresses.problem("Ann Lee <ann@example.com>"));
        assertEquals(Optional.empty(), Addresses.problem(" ann.lee+crm@sub.example.co.uk "));
        assertTrue(Addresses.problem("").isPresent());
        assertTrue(Addresses.problem(null).isPresent());
        assertTrue(Addresses.problem("ann").isPresent(), "no domain");
        assertTrue(Addresses.problem("ann@").isPresent());
        assertTrue(Addresses.problem("@example.com").isPresent());
        assertTrue(Addresses.problem("ann @example.com").isPresent());
        assertTrue(Addresses.problem("ann@example.com, bob@example.com").get().startsWith("Write one address per entry"));
        assertTrue(Addresses.problem("ann@example.com\r\nBcc: evil@example.com").isPresent(), "no header injection");
        assertTrue(Addresses.problem("team: ann@example.com;").isPresent(), "no groups");
        assertTrue(Addresses.problem("a".repeat(250) + "@example.com").isPresent());
        assertEquals("ann@example.com", Addresses.bare("Ann Lee <Ann@Example.COM>"));
        assertEquals("example.com", Addresses.domain("Ann Lee <ann@example.com>"));
    }

    @Test
    void aMessageIsCheckedWithEveryProblemNamed() {
        OutgoingMail fine = OutgoingMail.to(List.of("ann@example.com"), "Hello").withBody(null, "Hi");
        MailerImpl.check(fine);
        OutgoingMail bad = new OutgoingMail(null, List.of("ann@example.com", "not an address"), List.of(), List.of("x@"), "Two\nlines",
                null, " ", List.of(new MailAttachment("a\nb.pdf", "pdf", new byte[1])), List.of(),
                Map.of("Bcc", "evil@example.com", "X-Campaign", "a\r\nb"), "Record Page");
        ValidationException e = assertThrows(ValidationException.class, () -> MailerImpl.check(bad));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("to[1]", "bcc[0]", "subject", "text", "attachments[0].name",
                "attachments[0].contentType", "headers", "source")), fields.toString());
        assertEquals(2, Collections.frequency(fields, "headers"), fields.toString());
    }

    @Test
    void recipientsAndAttachmentsAreBounded() {
        List<String> many = java.util.stream.IntStream.range(0, Mailer.MAX_RECIPIENTS + 1).mapToObj(i -> "r" + i + "@example.com").toList();
        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> MailerImpl.check(OutgoingMail.to(many, "Hello").withBody(null, "Hi")));
        assertTrue(tooMany.errors().get(0).message().startsWith("At most 100 recipients"), tooMany.getMessage());
        ValidationException none = assertThrows(ValidationException.class,
                () -> MailerImpl.check(OutgoingMail.to(List.of(), "Hello").withBody(null, "Hi")));
        assertEquals("to", none.errors().get(0).field());
        byte[] big = new byte[(int) Mailer.MAX_ATTACHMENTS_BYTES / 2 + 1];
        ValidationException tooBig = assertThrows(ValidationException.class, () -> MailerImpl.check(OutgoingMail.to(List.of("a@example.com"),
                "Hello").withBody(null, "Hi").withAttachments(List.of(new MailAttachment("a.bin", "application/octet-stream", big),
                        new MailAttachment("b.bin", "application/octet-stream", big)))));
        assertEquals("attachments", tooBig.errors().get(0).field());
        assertTrue(tooBig.errors().get(0).message().startsWith("At most 10 MB"), tooBig.errors().get(0).message());
    }

    @Test
    void onlyBulkAndCampaignMailLeavesSuppressedAddressesOut() {
        assertTrue(MailerImpl.marketing("bulk"));
        assertTrue(MailerImpl.marketing("campaign:42"));
        assertFalse(MailerImpl.marketing("record"));
        assertFalse(MailerImpl.marketing("automation"));
    }

    @Test
    void htmlBecomesReadableText() {
        assertEquals("Dear Ann,\n\nYour quote:\n\n- one\n- two\n\nBest\nBob", HtmlText.of(
                "<p>Dear <b>Ann</b>,</p><p>Your quote:</p><ul><li>one</li><li>two</li></ul><p>Best<br>Bob</p>"));
        assertEquals("", HtmlText.of(null));
        assertEquals("a < b & c", HtmlText.of("<div>a &lt; b &amp; c</div>"));
    }
}
