package org.tesseracrm.automation.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.ScoringRules;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

import com.vaadin.flow.component.Component;

/** Contributes Administration → Scoring rules at {@code /admin/automation/scoring}, for automation.configure. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation/scoring", title = "Scoring rules", icon = "vaadin:star", group = "Administration",
        order = 74, permission = Automation.CONFIGURE)
public class ScoringViewContribution implements ViewContribution {
    private final ScoringRules scoring;
    private final AutomationServices services;

    /**
     * @param scoring the scoring rules, which check the permission
     * @param types record types
     * @param fields their fields
     * @param access the caller's permissions
     * @param kit the record form
     */
    @Activate
    public ScoringViewContribution(@Reference ScoringRules scoring, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference AccessControl access, @Reference RecordKit kit) {
        this.scoring = scoring;
        // the workflow rules service is not used by this screen
        this.services = new AutomationServices(null, types, fields, access, Optional.empty(), kit);
    }

    @Override
    public Class<? extends Component> viewType() {
        return ScoringView.class;
    }

    @Override
    public Component createView() {
        return new ScoringView(scoring, services);
    }
}
