package org.tesseracrm.email.api;

/**
 * The result of trying an account's servers.
 *
 * @param ok whether every configured server answered and accepted the login
 * @param smtp what the SMTP server said, e.g. "Connected and signed in to smtp.example.com:587 (STARTTLS)" or a
 *     message the user can act on ("smtp.example.com:587 refused the login: check the user and password")
 * @param imap the same for IMAP, or blank when the account does not capture mail
 */
public record ConnectionCheck(boolean ok, String smtp, String imap) {
}
