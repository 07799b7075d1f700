package org.tesseracrm.opportunities.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.OpportunitiesModule;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

import com.vaadin.flow.component.Component;

/** Contributes the opportunities list at {@code /opportunities} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "opportunities", title = "Opportunities", icon = "vaadin:chart-timeline", group = "Sales", order = 30,
        permission = OpportunitiesModule.VIEW)
public class OpportunitiesViewContribution implements ViewContribution {
    private final RecordKit kit;
    private final OpportunityPhases phases;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     * @param phases moves the board's cards
     */
    @Activate
    public OpportunitiesViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + OpportunityRecordType.ID + ")") RecordType type,
            @Reference OpportunityPhases phases) {
        this.kit = kit;
        this.phases = phases;
    }

    @Override
    public Class<? extends Component> viewType() {
        return OpportunitiesView.class;
    }

    @Override
    public Component createView() {
        return new OpportunitiesView(kit, phases);
    }
}
