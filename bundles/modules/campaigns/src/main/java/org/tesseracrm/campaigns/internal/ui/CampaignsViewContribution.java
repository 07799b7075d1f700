package org.tesseracrm.campaigns.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

import com.vaadin.flow.component.Component;

/** Contributes the campaigns list at {@code /campaigns} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "campaigns", title = "Campaigns", icon = "vaadin:envelopes", group = "Sales", order = 60,
        permission = Campaigns.VIEW)
public class CampaignsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public CampaignsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + CampaignFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return CampaignsView.class;
    }

    @Override
    public Component createView() {
        return new CampaignsView(kit);
    }
}
