package org.tesseracrm.email.api;

import java.util.Objects;

/**
 * A file sent with or received in a message.
 *
 * @param name the file name
 * @param contentType its MIME type, e.g. {@code application/pdf}
 * @param content the bytes (bounded: see {@link Mailer#MAX_ATTACHMENTS_BYTES})
 */
public record MailAttachment(String name, String contentType, byte[] content) {
    /** Checks the parts are present. */
    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
