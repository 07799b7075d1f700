package org.tesseracrm.opportunities.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.OpportunitiesModule;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

import com.vaadin.flow.component.Component;

/** Adds the phase history to the opportunity form, after the contacts and a products module's lines. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + OpportunityRecordType.ID, RecordPanel.ORDER + ":Integer=30"})
public class PhaseHistoryPanelContribution implements RecordPanel {
    private final OpportunityPhases phases;
    private final AccessControl access;

    /**
     * @param phases the history
     * @param access hides the panel from users who may not see opportunities
     */
    @Activate
    public PhaseHistoryPanelContribution(@Reference OpportunityPhases phases, @Reference AccessControl access) {
        this.phases = phases;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (!access.permitted(OpportunitiesModule.VIEW)) {
            return Optional.empty();
        }
        return Optional.of(new PhaseHistoryPanel(phases, recordId));
    }
}
