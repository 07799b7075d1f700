package org.tesseracrm.email.internal.outbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The outbox's settings, PID {@value #PID} ({@code etc/org.tesseracrm.email.outbox.cfg}). */
@ObjectClassDefinition(name = "Tessera e-mail outbox", description = "Timeouts and retries of outgoing mail.")
public @interface OutboxConfig {
    /** The configuration PID. */
    String PID = "org.tesseracrm.email.outbox";

    /** @return the wait before the first retry; each further retry waits twice as long as the one before */
    @AttributeDefinition(name = "First retry (seconds)", description = "Wait after the first failed attempt; "
            + "then 2, 4, 8... times as long, up to the longest wait.", min = "1")
    int firstRetrySeconds() default 60;

    /** @return the longest wait between two attempts */
    @AttributeDefinition(name = "Longest wait (seconds)", min = "1")
    int maxRetrySeconds() default 3600;

    /** @return attempts before a message fails for good */
    @AttributeDefinition(name = "Attempts", description = "A message still failing after this many attempts is "
            + "FAILED with its last error; a permanent refusal (5xx) fails at once.", min = "1", max = "100")
    int maxAttempts() default 8;

    /** @return the connect timeout */
    @AttributeDefinition(name = "Connect timeout (seconds)", min = "1", max = "120")
    int connectTimeoutSeconds() default 10;

    /** @return the time the server has to answer */
    @AttributeDefinition(name = "Read timeout (seconds)", min = "1", max = "300")
    int readTimeoutSeconds() default 30;

    /** @return the domain of the Message-ID headers Tessera makes, blank for the sender address's domain */
    @AttributeDefinition(name = "Message-ID domain", description = "Right-hand side of the Message-ID headers of "
            + "sent mail, e.g. crm.example.com; blank: the domain of the account's sender address.")
    String messageIdDomain() default "";
}
