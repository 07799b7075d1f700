package org.tesseracrm.followups.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes the unattended follow-ups report at {@code /reports/unattended-follow-ups}, under Reports. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "reports/unattended-follow-ups", title = "Unattended follow-ups", icon = "vaadin:flag-checkered",
        group = "Reports", order = 10, permission = FollowUpsModule.VIEW)
public class UnattendedViewContribution implements ViewContribution {
    private final FollowUpService followUps;
    private final AccessControl access;

    /**
     * @param followUps the report's data
     * @param access offers the export to those who may
     */
    @Activate
    public UnattendedViewContribution(@Reference FollowUpService followUps, @Reference AccessControl access) {
        this.followUps = followUps;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return UnattendedView.class;
    }

    @Override
    public Component createView() {
        return new UnattendedView(followUps, access);
    }
}
