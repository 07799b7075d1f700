/**
 * The Campaigns module's service ({@link Campaigns}): a campaign's segment of contacts and leads, sending it from an
 * e-mail template now or at a time, and its results per campaign and per recipient. Campaigns are records of type
 * {@link CampaignFields#RECORD_TYPE campaign}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.campaigns.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
