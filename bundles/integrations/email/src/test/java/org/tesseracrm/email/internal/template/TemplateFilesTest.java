package org.tesseracrm.email.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.ValidationException;

class TemplateFilesTest {
    private static final byte[] PDF = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPdfIsStoredAsAPdfWhateverTypeTheBrowserClaimed() {
        MailAttachment stored = TemplateFiles.check(new MailAttachment("C:\\docs\\Price\u0007 list.PDF", "application/octet-stream",
                PDF), List.of());
        assertEquals("Price list.PDF", stored.name());
        assertEquals("application/pdf", stored.contentType());
    }

    @Test
    void otherKindsAndDisguisedFilesAreRefused() {
        String message = assertThrows(ValidationException.class, () -> TemplateFiles.check(new MailAttachment("run.exe",
                "application/pdf", PDF), List.of())).getMessage();
        assertTrue(message.contains("\"run.exe\" cannot be attached"), message);
        message = assertThrows(ValidationException.class, () -> TemplateFiles.check(new MailAttachment("page.pdf",
                "application/pdf", "<html>".getBytes(StandardCharsets.US_ASCII)), List.of())).getMessage();
        assertTrue(message.contains("\"page.pdf\" is not a .pdf file"), message);
        assertThrows(ValidationException.class, () -> TemplateFiles.check(new MailAttachment("empty.txt", "text/plain",
                new byte[0]), List.of()));
    }

    @Test
    void aTemplateKeepsBoundedFiles() {
        List<TemplateAttachment> five = Collections.nCopies(MailTemplates.MAX_ATTACHMENTS,
                new TemplateAttachment(1, 1, "a.pdf", "application/pdf", 10));
        assertThrows(ValidationException.class, () -> TemplateFiles.check(new MailAttachment("b.pdf", "application/pdf", PDF), five));
        List<TemplateAttachment> big = List.of(new TemplateAttachment(1, 1, "a.pdf", "application/pdf",
                MailTemplates.MAX_ATTACHMENT_BYTES - 5));
        String message = assertThrows(ValidationException.class, () -> TemplateFiles.check(new MailAttachment("b.pdf",
                "application/pdf", PDF), big)).getMessage();
        assertTrue(message.contains("5 MB in all"), message);
    }
}
