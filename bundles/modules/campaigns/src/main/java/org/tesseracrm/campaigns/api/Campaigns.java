package org.tesseracrm.campaigns.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * E-mail campaigns: the segment (members from contacts and leads, one per address), sending now or at a time on a
 * durable timer, and the results. Campaigns themselves are records: read and write their fields through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@link CampaignFields#RECORD_TYPE campaign}.
 * Every method checks the caller's permission and that the caller sees the campaign.
 */
@ProviderType
public interface Campaigns {
    /** See campaigns, their members and results. */
    String VIEW = "campaigns.view";
    /** Make campaigns. */
    String CREATE = "campaigns.create";
    /** Change campaigns and their segments. */
    String EDIT = "campaigns.edit";
    /** Delete campaigns. */
    String DELETE = "campaigns.delete";
    /** Send, schedule and cancel campaigns. */
    String SEND = "campaigns.send";
    /** The most members one campaign has. */
    int MAX_MEMBERS = 100_000;

    /**
     * @param campaignId a campaign the caller sees
     * @param offset the first member, from 0
     * @param limit at most this many (1 to 1000)
     * @return its members in the order they were added
     */
    List<CampaignMember> members(long campaignId, int offset, int limit);

    /**
     * Adds records to the segment: each with an e-mail address, once per address (those already in are left out).
     *
     * @param campaignId a draft or scheduled campaign the caller may edit
     * @param recordType {@code contact} or {@code lead}
     * @param ids records the caller sees (others are left out)
     * @return how many members were added
     * @throws org.tesseracrm.kernel.api.ValidationException for another record type or a campaign sent or cancelled
     */
    int addRecords(long campaignId, String recordType, List<Long> ids);

    /**
     * Adds the records a saved list view lists (its search text and filters, as the caller sees them).
     *
     * @param campaignId a draft or scheduled campaign the caller may edit
     * @param recordType {@code contact} or {@code lead}
     * @param viewName one of the caller's views of that type or a shared one
     * @return how many members were added
     * @throws org.tesseracrm.kernel.api.NotFoundException for a view the caller does not have
     */
    int addFromView(long campaignId, String recordType, String viewName);

    /**
     * @param campaignId a draft or scheduled campaign the caller may edit
     * @param memberId a member still pending
     */
    void removeMember(long campaignId, long memberId);

    /**
     * Starts sending now: the members are queued in batches on a durable timer, as the caller.
     *
     * @param campaignId a draft or scheduled campaign with a template and members
     * @return its results
     */
    CampaignResults send(long campaignId);

    /**
     * Schedules the campaign at a time: it is sent then as the caller.
     *
     * @param campaignId a draft or scheduled campaign with a template and members
     * @param at when, in the future
     * @return its results
     */
    CampaignResults schedule(long campaignId, Instant at);

    /**
     * Stops a scheduled or sending campaign: members not yet queued stay pending.
     *
     * @param campaignId the campaign
     * @return its results
     */
    CampaignResults cancel(long campaignId);

    /**
     * @param campaignId a campaign the caller sees
     * @return its counts
     */
    CampaignResults results(long campaignId);
}
