package org.tesseracrm.campaigns.api;

import java.time.Instant;

/**
 * A member of a campaign's segment: one address, from a contact or a lead.
 *
 * @param id the member
 * @param campaignId its campaign
 * @param recordType {@code contact} or {@code lead}
 * @param recordId the record it came from
 * @param address the address mailed (lower case)
 * @param name the record's title when it was added
 * @param state where its mail is
 * @param messageId the message in the e-mail log once queued, else {@code null}
 * @param addedAt when it joined the segment
 * @param queuedAt when its mail was queued, else {@code null}
 * @param openedAt its first open, else {@code null}
 * @param opens how many opens were recorded
 * @param clickedAt its first click, else {@code null}
 * @param clicks how many clicks were recorded
 * @param bounced whether its mail bounced
 * @param unsubscribed whether it unsubscribed through this campaign
 * @param error why it was skipped or failed, blank otherwise
 */
public record CampaignMember(long id, long campaignId, String recordType, long recordId, String address, String name,
        MemberState state, Long messageId, Instant addedAt, Instant queuedAt, Instant openedAt, int opens,
        Instant clickedAt, int clicks, boolean bounced, boolean unsubscribed, String error) {
}
