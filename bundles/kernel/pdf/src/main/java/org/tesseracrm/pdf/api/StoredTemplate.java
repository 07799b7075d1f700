package org.tesseracrm.pdf.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A template or letterhead text an administrator saved.
 *
 * @param name its name
 * @param text the template's source or the text
 * @param updatedBy the user who saved it
 * @param updatedAt when
 */
public record StoredTemplate(String name, String text, String updatedBy, Instant updatedAt) {
    /** Checks every part is present. */
    public StoredTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
