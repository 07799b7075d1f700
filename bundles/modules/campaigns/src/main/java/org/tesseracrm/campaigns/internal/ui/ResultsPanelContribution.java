package org.tesseracrm.campaigns.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;

import com.vaadin.flow.component.Component;

/** Adds the segment, sending and results ({@link ResultsPanel}) to the campaign form, first among the panels. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + CampaignFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=-10"})
public class ResultsPanelContribution implements RecordPanel {
    private final Campaigns campaigns;
    private final RecordKit kit;
    private final AccessControl access;

    /**
     * @param campaigns the members, sending and results
     * @param kit reads the campaign
     * @param access which buttons the user gets
     */
    @Activate
    public ResultsPanelContribution(@Reference Campaigns campaigns, @Reference RecordKit kit,
            @Reference AccessControl access) {
        this.campaigns = campaigns;
        this.kit = kit;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return kit.records().get(CampaignFields.RECORD_TYPE, recordId)
                .map(c -> new ResultsPanel(campaigns, access, c));
    }
}
