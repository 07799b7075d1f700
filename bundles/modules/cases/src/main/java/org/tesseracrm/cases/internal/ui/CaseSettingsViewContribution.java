package org.tesseracrm.cases.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

import com.vaadin.flow.component.Component;

/** Contributes the case types and status kinds admin page at {@code /admin/case-settings}, for {@code cases.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/case-settings", title = "Case settings", icon = "vaadin:lifebuoy", group = "Administration",
        order = 70, permission = CasesModule.CONFIGURE)
public class CaseSettingsViewContribution implements ViewContribution {
    private final Cases cases;

    /** @param cases the cases service */
    @Activate
    public CaseSettingsViewContribution(@Reference Cases cases) {
        this.cases = cases;
    }

    @Override
    public Class<? extends Component> viewType() {
        return CaseSettingsView.class;
    }

    @Override
    public Component createView() {
        return new CaseSettingsView(cases);
    }
}
