package org.tesseracrm.automation.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

import com.vaadin.flow.component.Component;

/**
 * Contributes Administration → Automation at {@code /admin/automation}, for {@code automation.view}; it appears once
 * the {@link Automation} service is registered.
 */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation", title = "Automation", icon = "vaadin:automation", group = "Administration",
        order = 72, permission = Automation.VIEW)
public class AutomationViewContribution implements ViewContribution {
    private final AutomationServices services;

    /**
     * @param automation the rules, which check the permissions
     * @param types the record types rules may apply to
     * @param fields the fields of a record type, for criteria and field parameters
     * @param access the caller's permissions and the users they may name
     * @param security the groups, for group parameters (read when the caller may)
     * @param kit the record form a run's record opens
     */
    @Activate
    public AutomationViewContribution(@Reference Automation automation, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference AccessControl access,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) SecurityAdmin security, @Reference RecordKit kit) {
        this.services = new AutomationServices(automation, types, fields, access, Optional.ofNullable(security), kit);
    }

    @Override
    public Class<? extends Component> viewType() {
        return AutomationView.class;
    }

    @Override
    public Component createView() {
        return new AutomationView(services);
    }
}
