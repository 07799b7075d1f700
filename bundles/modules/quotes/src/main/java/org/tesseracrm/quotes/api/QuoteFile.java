package org.tesseracrm.quotes.api;

import java.util.Objects;

/**
 * A file made from a quote.
 *
 * @param fileName the file's name, e.g. {@code Q-2026-00042-2.pdf}
 * @param contentType its media type, e.g. {@code application/pdf}
 * @param content its bytes
 */
public record QuoteFile(String fileName, String contentType, byte[] content) {
    /** Checks the parts are present. */
    public QuoteFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
