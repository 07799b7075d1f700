package org.tesseracrm.kernel.rest.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as the API answers it, {@code application/problem+json} (RFC 9457): {@code type} (always
 * {@code about:blank}: the status says what happened), {@code title}, {@code status} and {@code detail}, plus the
 * extension members {@code errorId} (for a server error; the same id is in the log) and {@code errors} (the fields
 * a validation refused). Members without a value are left out of the document.
 *
 * @param type the problem type URI
 * @param title the status's short description
 * @param status the HTTP status
 * @param detail what went wrong, for the user; null when there is nothing to add to the title
 * @param errorId the error id of a server error, also in the log; null otherwise
 * @param errors the refused fields; empty unless the input was refused
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String errorId, List<FieldProblem> errors) {

    /** The problem type of every Tessera problem. */
    public static final String ABOUT_BLANK = "about:blank";

    /** A field the server refused, and why. */
    public record FieldProblem(String field, String message) {
    }

    static Problem of(int status, String title, String detail) {
        return new Problem(ABOUT_BLANK, title, status, detail, null, List.of());
    }
}
