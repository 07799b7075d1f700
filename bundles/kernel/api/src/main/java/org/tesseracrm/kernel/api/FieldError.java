package org.tesseracrm.kernel.api;

import java.util.Objects;

/**
 * A problem with one field of an input.
 *
 * @param field the field name as used in the record type (e.g. "email")
 * @param message what is wrong and how to fix it, e.g. "Enter an e-mail address like name@example.com"
 */
public record FieldError(String field, String message) {
    /** Validates that both parts are present. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
