package org.tesseracrm.kernel.core.internal.timer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The timer thread's settings, PID {@value #PID} ({@code etc/org.tesseracrm.kernel.timers.cfg}). */
@ObjectClassDefinition(name = "Tessera timers", description = "How the kernel looks for due timers and retries failed ones.")
public @interface TimersConfig {
    /** The configuration PID. */
    String PID = "org.tesseracrm.kernel.timers";

    /** @return how often the timer table is read for due timers */
    @AttributeDefinition(name = "Poll interval (ms)", description = "How often this node looks for due timers (one"
            + " indexed query). A timer runs at most this long after its due time.", min = "50")
    long pollMillis() default 5000;

    /** @return how many times a failing timer is started before it is marked failed */
    @AttributeDefinition(name = "Attempts", description = "How many times a timer whose handler fails is started"
            + " before it is marked FAILED for an administrator.", min = "1")
    int maxAttempts() default 5;

    /** @return the delay before the first retry; each later one doubles it, up to an hour */
    @AttributeDefinition(name = "First retry delay (ms)", description = "The delay before the first retry of a failed"
            + " timer; every further retry waits twice as long as the one before, at most an hour.", min = "0")
    long retryDelayMillis() default 30_000;

    /** @return after how long a running claim is taken to be of a node that died */
    @AttributeDefinition(name = "Stale claim (seconds)", description = "A timer another node has been running for"
            + " longer than this is taken to be of a node that died, and is run again.", min = "10")
    long staleAfterSeconds() default 900;

    /** @return this node's name in the table; unique per node */
    @AttributeDefinition(name = "Node name", description = "This node's name in the timer table (CLAIMED_BY). Empty:"
            + " karaf.name@host name. Every node on one database needs its own.")
    String nodeName() default "";
}
