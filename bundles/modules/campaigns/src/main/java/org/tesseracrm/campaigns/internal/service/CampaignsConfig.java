package org.tesseracrm.campaigns.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings: configuration {@value #PID} ({@code etc/org.tesseracrm.campaigns.cfg}). */
@ObjectClassDefinition(name = "Tessera campaigns",
        description = "Tracking links and batches of e-mail campaigns")
public @interface CampaignsConfig {
    /** The configuration's pid. */
    String PID = "org.tesseracrm.campaigns";

    /** @return the address recipients reach this server at */
    @AttributeDefinition(description = "The public address of this server as recipients reach it, e.g. "
            + "https://crm.example.com; the tracking links are made with it")
    String publicUrl() default "http://localhost:8181";

    /** @return requests a client address may make at once to the tracking endpoints */
    @AttributeDefinition(description = "Requests a client address may make at once to the tracking endpoints")
    int burst() default 60;

    /** @return requests a client address may make per second, after the burst */
    @AttributeDefinition(description = "Requests a client address may make per second to the tracking endpoints")
    int perSecond() default 20;

    /** @return members queued per timer run */
    @AttributeDefinition(description = "Members queued per timer run while a campaign is sent")
    int batchSize() default 500;
}
