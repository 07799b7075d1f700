package org.tesseracrm.automation.internal.blueprint.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes the blueprints' admin page at {@code /admin/automation/blueprints}, for {@code automation.view}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation/blueprints", title = "Blueprints", icon = "vaadin:flow-tree",
        group = "Administration", order = 74, permission = Automation.VIEW)
public class BlueprintsViewContribution implements ViewContribution {
    private final Blueprints blueprints;
    private final RecordTypes types;
    private final AccessControl access;

    /**
     * @param blueprints the blueprints, which check the permissions
     * @param types the record types to choose from
     * @param access shows the editing controls to those with {@code automation.configure}
     */
    @Activate
    public BlueprintsViewContribution(@Reference Blueprints blueprints, @Reference RecordTypes types,
            @Reference AccessControl access) {
        this.blueprints = blueprints;
        this.types = types;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return BlueprintsView.class;
    }

    @Override
    public Component createView() {
        return new BlueprintsView(blueprints, types, access.permitted(Automation.CONFIGURE));
    }
}
