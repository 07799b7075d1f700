package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.Records;

class BulkMailerTest {
    private final Fakes fakes = new Fakes();
    private final FakeDirectory directory = new FakeDirectory()
            .add("company", 1L, "name", "Acme", "email", "info@acme.example")
            .add("contact", 10L, "name", "Ada Lovelace", "email", "ada@acme.example", "company", 1L)
            .add("contact", 11L, "name", "Bob Bar", "email", "bob@acme.example")
            .add("contact", 12L, "name", "No Mail")
            .add("contact", 13L, "name", "Carl Cox", "email", "carl@x.example")
            .add("contact", 14L, "name", "Dora Day", "email", "dora@x.example");
    private BulkMailer bulk;

    @BeforeEach
    void setUp() {
        fakes.accounts.add(Fakes.account(1, "Sales"));
        fakes.templates.add(new MailTemplate(7, "Welcome", "contact", "Hi", "<p>Hi</p>", "", null, 1));
        fakes.templates.add(new MailTemplate(8, "Newsletter", "", "News", "<p>News</p>", "", null, 1));
        fakes.templates.add(new MailTemplate(9, "Quote follow-up", "quote", "Q", "<p>Q</p>", "", null, 1));
        bulk = new BulkMailer(fakes.accounts(), fakes.templates(), fakes.mailer(), fakes.suppressions(), directory);
    }

    @Test
    void queuesOneRenderedMailPerRecordAndReportsTheOthers() {
        fakes.suppressed.add("carl@x.example");
        fakes.renderFails.put(14L, "Dora's record is locked");
        BulkReport report = bulk.send("contact", List.of(10L, 11L, 12L, 13L, 14L, 999L), " welcome ");
        assertEquals("2 queued; 1 without an e-mail address: No Mail; 1 unsubscribed or bounced, skipped: Carl Cox "
                + "(carl@x.example); 1 not sent: Dora Day (Dora's record is locked).", report.summary());
        assertEquals(2, fakes.queued.size());
        OutgoingMail first = fakes.queued.get(0);
        assertEquals(List.of("ada@acme.example"), first.to(), "the record's own address, not its company's");
        assertEquals("Hello contact #10", first.subject());
        assertEquals("<p>Hi #10</p>", first.html());
        assertEquals("bulk", first.source());
        assertEquals(List.of(new RecordRef("contact", 10L, "Ada Lovelace")), first.records());
        assertEquals(List.of("bob@acme.example"), fakes.queued.get(1).to());
    }

    @Test
    void theTemplatesFilesGoWithEachMail() {
        bulk.send("contact", List.of(10L, 11L), "Newsletter");
        assertEquals(List.of("news.pdf"), fakes.queued.get(0).attachments().stream().map(f -> f.name()).toList());
        assertEquals(List.of("news.pdf"), fakes.queued.get(1).attachments().stream().map(f -> f.name()).toList());
        bulk.send("contact", List.of(10L), "Welcome");
        assertEquals(List.of(), fakes.queued.get(2).attachments());
    }

    @Test
    void anUnknownTemplateIsRefusedNamingTheTemplatesOfTheType() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> bulk.send("contact", List.of(10L), "Welcom"));
        assertEquals("template", e.errors().get(0).field());
        assertEquals("There is no template \"Welcom\". Templates you may use here: Newsletter, Welcome.",
                e.errors().get(0).message());
        assertTrue(fakes.queued.isEmpty());
    }

    @Test
    void withoutAnAccountNothingIsQueued() {
        fakes.accounts.clear();
        ValidationException e = assertThrows(ValidationException.class,
                () -> bulk.send("contact", List.of(10L), "Welcome"));
        assertTrue(e.errors().get(0).message().startsWith("Set up a mail account first"));
        assertTrue(fakes.queued.isEmpty());
    }

    @Test
    void aSelectionOverTheBulkLimitIsRefused() {
        List<Long> ids = new ArrayList<>(Collections.nCopies(Records.BULK_LIMIT + 1, 10L));
        ValidationException e = assertThrows(ValidationException.class, () -> bulk.send("contact", ids, "Welcome"));
        assertTrue(e.errors().get(0).message().startsWith("At most 10,000 records at once"));
        assertTrue(fakes.queued.isEmpty());
    }

    @Test
    void theOutboxSkippingASuppressedRecipientCountsAsSkipped() {
        // suppressed after the bulk send looked (a campaign's unsubscribe came in meanwhile): the outbox skips it
        BulkMailer racing = new BulkMailer(fakes.accounts(), fakes.templates(), fakes.mailer(),
                Fakes.proxy(org.tesseracrm.email.api.Suppressions.class, java.util.Map.of("suppressed", a -> false)),
                directory);
        fakes.suppressed.add("bob@acme.example");
        assertEquals("1 queued; 1 unsubscribed or bounced, skipped: Bob Bar (bob@acme.example).",
                racing.send("contact", List.of(10L, 11L), "Welcome").summary());
    }
}
