package org.tesseracrm.campaigns.api;

/**
 * A campaign's counts, from its members.
 *
 * @param campaignId the campaign
 * @param status its status
 * @param recipients members in the segment
 * @param pending members not handled yet
 * @param sent members whose mail went to the outbox (queued or sent)
 * @param failed members whose mail failed
 * @param skipped members skipped (suppressed address, record gone)
 * @param opened members who opened at least once
 * @param clicked members who followed a link at least once
 * @param bounced members whose mail bounced
 * @param unsubscribed members who unsubscribed through the campaign
 */
public record CampaignResults(long campaignId, String status, int recipients, int pending, int sent, int failed,
        int skipped, int opened, int clicked, int bounced, int unsubscribed) {
}
