package org.tesseracrm.campaigns.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;

/**
 * "Add to campaign" in the bulk menu of the contacts' and leads' lists: the selected records join a draft or
 * scheduled campaign's segment, once per address ({@link Campaigns#addRecords}).
 */
abstract class AddToCampaignAction implements BulkAction {
    static final String INPUT = "campaign";
    private static final List<FieldDefinition> INPUTS = List.of(new FieldDefinition(INPUT, "Campaign",
            FieldType.LOOKUP, true, 0, true, "CAMPAIGN_ID", false, Optional.of(CampaignFields.RECORD_TYPE)));

    private final Campaigns campaigns;
    private final Records records;

    AddToCampaignAction(Campaigns campaigns, Records records) {
        this.campaigns = campaigns;
        this.records = records;
    }

    @Override
    public String id() {
        return "campaigns.add-to-campaign";
    }

    @Override
    public String label() {
        return "Add to campaign";
    }

    @Override
    public String permission() {
        return Campaigns.EDIT;
    }

    @Override
    public List<FieldDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public String run(String recordType, List<Long> ids, Map<String, String> values) {
        long campaignId = campaign(values.getOrDefault(INPUT, "").trim());
        int added = campaigns.addRecords(campaignId, recordType, ids);
        int left = ids.size() - added;
        return String.format("Added %,d %s to the campaign%s.", added, added == 1 ? "member" : "members",
                left > 0 ? String.format(" (%,d without an e-mail address or already in it)", left) : "");
    }

    /** @return the campaign the input names: its id, or a campaign titled so */
    private long campaign(String value) {
        if (value.matches("[0-9]{1,18}")) {
            return Long.parseLong(value);
        }
        List<RecordRef> found = value.isEmpty() ? List.of() : records.lookup(CampaignFields.RECORD_TYPE, value, 10)
                .stream().filter(r -> r.title().equalsIgnoreCase(value)).toList();
        if (found.size() != 1) {
            throw new ValidationException(List.of(new FieldError(INPUT, "Choose a campaign")));
        }
        return found.get(0).id();
    }

    /** On contacts. */
    @Component(service = BulkAction.class, property = RecordType.ID + "=contact")
    public static class OnContacts extends AddToCampaignAction {
        /**
         * @param campaigns adds the members
         * @param records finds a campaign by name
         */
        @Activate
        public OnContacts(@Reference Campaigns campaigns, @Reference Records records) {
            super(campaigns, records);
        }
    }

    /** On leads. */
    @Component(service = BulkAction.class, property = RecordType.ID + "=lead")
    public static class OnLeads extends AddToCampaignAction {
        /**
         * @param campaigns adds the members
         * @param records finds a campaign by name
         */
        @Activate
        public OnLeads(@Reference Campaigns campaigns, @Reference Records records) {
            super(campaigns, records);
        }
    }
}
