package org.tesseracrm.cases.internal.sla.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

import com.vaadin.flow.component.Component;

/** Contributes the SLA admin page at {@code /admin/case-sla}, for {@code cases.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/case-sla", title = "Case SLA and escalation", icon = "vaadin:clock", group = "Administration",
        order = 71, permission = CasesModule.CONFIGURE)
public class SlaSettingsViewContribution implements ViewContribution {
    private final SlaService sla;

    /** @param sla the SLA settings, which check {@code cases.configure} */
    @Activate
    public SlaSettingsViewContribution(@Reference SlaService sla) {
        this.sla = sla;
    }

    @Override
    public Class<? extends Component> viewType() {
        return SlaSettingsView.class;
    }

    @Override
    public Component createView() {
        return new SlaSettingsView(sla);
    }
}
