package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttachmentDispositionTest {
    @Test
    void anAsciiNameIsQuotedAndAlsoGivenInUtf8() {
        assertEquals("attachment; filename=\"offer 2026.pdf\"; filename*=UTF-8''offer%202026.pdf",
                RecordsResource.attachmentDisposition("offer 2026.pdf"));
    }

    @Test
    void quotesAndBackslashesAreEscapedAndOtherCharactersReplacedInTheAsciiName() {
        assertEquals("attachment; filename=\"Pr_sentation \\\"final\\\" a\\\\b*.pdf\"; "
                + "filename*=UTF-8''Pr%C3%A9sentation%20%22final%22%20a%5Cb%2A.pdf",
                RecordsResource.attachmentDisposition("Présentation \"final\" a\\b*.pdf"));
    }

    @Test
    void aLineBreakCannotSplitTheHeader() {
        assertEquals("attachment; filename=\"a__b.txt\"; filename*=UTF-8''a%0D%0Ab.txt",
                RecordsResource.attachmentDisposition("a\r\nb.txt"));
    }
}
