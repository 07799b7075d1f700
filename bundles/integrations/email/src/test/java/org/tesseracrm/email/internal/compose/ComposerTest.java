package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;

class ComposerTest {
    private final Fakes fakes = new Fakes();
    private final FakeDirectory directory = new FakeDirectory()
            .add("company", 1L, "name", "Acme", "email", "info@acme.example")
            .add("contact", 10L, "name", "Ada Lovelace", "email", "ada@acme.example", "company", 1L)
            .add("contact", 11L, "name", "Bob Bar", "email", "bob@acme.example", "company", 1L)
            .add("quote", 100L, "name", "Q-1", "contact", 10L, "company", 1L);
    private boolean maySend = true;
    private final AccessControl access = Fakes.proxy(AccessControl.class, Map.of("require", args -> {
        if (!maySend) {
            throw new PermissionDeniedException("You may not send e-mail");
        }
        return new Caller("ada");
    }));
    private final Attachments files = Fakes.proxy(Attachments.class, Map.of(
            "get", args -> new Attachment((Long) args[1], (String) args[0], (Long) args[1] == 5L ? 100L : 999L,
                    "Q-1.pdf", "application/pdf", 4, "00", "ada", Instant.EPOCH),
            "content", args -> new byte[] {37, 80, 68, 70}));
    private final Composer composer = new Composer(access, fakes.mailer(), fakes.suppressions(), files, directory);

    private static ComposeRequest request(String to, String subject, List<Long> fileIds, List<MailAttachment> uploads) {
        return new ComposeRequest(7L, to, "", "", subject, "<p>Hi</p>", null, new RecordRef("quote", 100L, ""),
                List.of(), fileIds, uploads, "record");
    }

    @Test
    void queuesTheMailWithTheRecordsFileLoggedOnTheRecordAndOnTheContactWrittenTo() {
        composer.send(request("Ada <ada@acme.example>", "Your quote", List.of(5L, 5L), List.of()));
        OutgoingMail mail = fakes.queued.get(0);
        assertEquals(List.of("ada@acme.example"), mail.to());
        assertEquals(7L, mail.accountId());
        assertEquals("record", mail.source());
        assertEquals(List.of("Q-1.pdf"), mail.attachments().stream().map(MailAttachment::name).toList());
        assertEquals(List.of(new RecordRef("quote", 100L, "Q-1"), new RecordRef("contact", 10L, "Ada Lovelace")),
                mail.records());
    }

    @Test
    void namesEveryBadInputAtOnce() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> composer.send(request("nope", " \n ", List.of(), List.of())));
        assertEquals(List.of(new FieldError("to", "Not an e-mail address: nope"),
                new FieldError("subject", "Enter a subject.")), e.errors());
        assertTrue(fakes.queued.isEmpty());
    }

    @Test
    void boundsTheFilesTogether() {
        MailAttachment big = new MailAttachment("big.zip", "application/zip", new byte[(int) Mailer.MAX_ATTACHMENTS_BYTES]);
        ValidationException e = assertThrows(ValidationException.class,
                () -> composer.send(request("ada@acme.example", "Big", List.of(5L), List.of(big))));
        assertEquals("attachments", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("The attachments come to 10.0 MB"), e.getMessage());
    }

    @Test
    void aFileOfAnotherRecordIsNotSent() {
        assertThrows(NotFoundException.class,
                () -> composer.send(request("ada@acme.example", "Other", List.of(6L), List.of())));
        assertTrue(fakes.queued.isEmpty());
    }

    @Test
    void aRecordTheCallerDoesNotSeeAndAMissingPermissionAreRefused() {
        directory.hidden.add("quote");
        assertThrows(NotFoundException.class, () -> composer.send(request("ada@acme.example", "Hi", List.of(),
                List.of())));
        maySend = false;
        assertThrows(PermissionDeniedException.class, () -> composer.send(null));
    }

    @Test
    void namesTheSuppressedRecipients() {
        fakes.suppressed.add("bob@acme.example");
        assertEquals(List.of("bob@acme.example"), composer.suppressed(List.of("ada@acme.example", "bob@acme.example")));
    }
}
