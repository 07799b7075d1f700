package org.tesseracrm.opportunities.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.opportunities.api.OpportunityPhases;

import com.vaadin.flow.component.Component;

/** Contributes the phases' admin page at {@code /admin/opportunity-phases}, for {@code opportunities.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/opportunity-phases", title = "Opportunity phases", icon = "vaadin:chart-timeline",
        group = "Administration", order = 60, permission = OpportunityPhases.CONFIGURE)
public class PhasesViewContribution implements ViewContribution {
    private final OpportunityPhases phases;

    /** @param phases the phases */
    @Activate
    public PhasesViewContribution(@Reference OpportunityPhases phases) {
        this.phases = phases;
    }

    @Override
    public Class<? extends Component> viewType() {
        return PhasesView.class;
    }

    @Override
    public Component createView() {
        return new PhasesView(phases);
    }
}
