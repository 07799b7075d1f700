package org.tesseracrm.automation.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.tesseracrm.automation.api.AssignmentRules;
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
 * Contributes Administration → Assignment rules at {@code /admin/automation/assignment}, for automation.configure.
 */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation/assignment", title = "Assignment rules", icon = "vaadin:user-check",
        group = "Administration", order = 73, permission = Automation.CONFIGURE)
public class AssignmentViewContribution implements ViewContribution {
    private final AssignmentRules rules;
    private final AutomationServices services;

    /**
     * @param rules the assignment rules, which check the permission
     * @param types record types
     * @param fields their fields, for criteria
     * @param access users the caller may name
     * @param security groups and roles
     * @param kit the record form
     */
    @Activate
    public AssignmentViewContribution(@Reference AssignmentRules rules, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference AccessControl access,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) SecurityAdmin security, @Reference RecordKit kit) {
        this.rules = rules;
        // the workflow rules service is not used by this screen
        this.services = new AutomationServices(null, types, fields, access, Optional.ofNullable(security), kit);
    }

    @Override
    public Class<? extends Component> viewType() {
        return AssignmentView.class;
    }

    @Override
    public Component createView() {
        return new AssignmentView(rules, services);
    }
}
