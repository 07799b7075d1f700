package org.tesseracrm.email.internal.template;

/**
 * The user a mail is merged for: {@code $[User.Name]}, {@code $[User.E-mail]} and {@code $[User.Signature]}.
 *
 * @param name their full name
 * @param email the address they send from (their default mail account's), may be blank
 * @param signatureHtml their default account's signature, sanitised HTML, may be blank
 */
record Sender(String name, String email, String signatureHtml) {
    /** Turns nulls into blanks. */
    Sender {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        signatureHtml = signatureHtml == null ? "" : signatureHtml;
    }
}
