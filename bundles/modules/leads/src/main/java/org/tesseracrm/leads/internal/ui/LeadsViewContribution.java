package org.tesseracrm.leads.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.LeadsModule;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.Component;

/** Contributes the leads list at {@code /leads} with its menu entry under Sales, first of the pipeline. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "leads", title = "Leads", icon = "vaadin:funnel", group = "Sales", order = 5,
        permission = LeadsModule.VIEW)
public class LeadsViewContribution implements ViewContribution {
    private final RecordKit kit;
    private final LeadConversion conversion;

    /**
     * @param kit the record list, form and board
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     * @param conversion discards the board's cards moved to "Discarded"
     */
    @Activate
    public LeadsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + LeadRecordType.ID + ")") RecordType type,
            @Reference LeadConversion conversion) {
        this.kit = kit;
        this.conversion = conversion;
    }

    @Override
    public Class<? extends Component> viewType() {
        return LeadsView.class;
    }

    @Override
    public Component createView() {
        return new LeadsView(kit, conversion);
    }
}
