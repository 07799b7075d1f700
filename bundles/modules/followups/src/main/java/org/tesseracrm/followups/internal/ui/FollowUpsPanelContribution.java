package org.tesseracrm.followups.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/** Adds the follow-ups panel to the form of every record type. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + RecordType.ALL, RecordPanel.ORDER + ":Integer=20"})
public class FollowUpsPanelContribution implements RecordPanel {
    private final FollowUpService followUps;
    private final AccessControl access;

    /**
     * @param followUps the chains
     * @param access hides the panel from users without {@code followups.view}
     */
    @Activate
    public FollowUpsPanelContribution(@Reference FollowUpService followUps, @Reference AccessControl access) {
        this.followUps = followUps;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (!access.permitted(FollowUpsModule.VIEW)) {
            return Optional.empty();
        }
        return Optional.of(new FollowUpsPanel(followUps, access, recordType, recordId));
    }
}
