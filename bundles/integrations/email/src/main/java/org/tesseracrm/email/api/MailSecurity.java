package org.tesseracrm.email.api;

/** How a connection to a mail server is protected. */
public enum MailSecurity {
    /** Plain text; only for servers on the same machine. */
    NONE,
    /** Plain connection upgraded with STARTTLS (required: the connection fails if the server does not offer it). */
    STARTTLS,
    /** TLS from the first byte (SMTPS on 465, IMAPS on 993). */
    TLS
}
