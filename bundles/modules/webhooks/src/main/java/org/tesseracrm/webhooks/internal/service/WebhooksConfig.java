package org.tesseracrm.webhooks.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings, PID {@value #PID} ({@code etc/org.tesseracrm.webhooks.cfg}). */
@ObjectClassDefinition(name = "Tessera webhooks", description = "Timeouts and retries of webhook deliveries.")
public @interface WebhooksConfig {
    /** The configuration PID. */
    String PID = "org.tesseracrm.webhooks";

    /** @return the wait before the first retry; each further retry waits twice as long as the one before */
    @AttributeDefinition(name = "First retry (seconds)", description = "Wait after the first failed attempt; "
            + "then 2, 4, 8... times as long, up to the longest wait.", min = "1")
    int firstRetrySeconds() default 60;

    /** @return the longest wait between two attempts */
    @AttributeDefinition(name = "Longest wait (seconds)", min = "1")
    int maxRetrySeconds() default 3600;

    /** @return how long after its first attempt a delivery is retried before it is given up */
    @AttributeDefinition(name = "Retry window (seconds)", description = "A delivery still failing this long after "
            + "its first attempt is given up; if nothing was delivered to its subscription meanwhile, the subscription "
            + "is disabled.", min = "1")
    int retryWindowSeconds() default 86_400;

    /** @return the connect timeout */
    @AttributeDefinition(name = "Connect timeout (seconds)", min = "1", max = "60")
    int connectTimeoutSeconds() default 5;

    /** @return the time the receiver has to answer */
    @AttributeDefinition(name = "Read timeout (seconds)", min = "1", max = "60")
    int readTimeoutSeconds() default 10;
}
