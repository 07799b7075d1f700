package com.example.loyalty.internal.ui;

import java.util.Optional;

import com.example.loyalty.api.PointsService;
import com.example.loyalty.internal.LoyaltyModule;
import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/** Adds the loyalty points panel to the contact form, for users who may see loyalty data. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=contact", RecordPanel.ORDER + ":Integer=50"})
public class PointsPanelContribution implements RecordPanel {
    private final PointsService points;
    private final AccessControl access;

    /**
     * @param points the panel's data
     * @param access hides the panel from users without {@code loyalty.view}, the award line without
     *     {@code loyalty.award}
     */
    @Activate
    public PointsPanelContribution(@Reference PointsService points, @Reference AccessControl access) {
        this.points = points;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (!access.permitted(LoyaltyModule.VIEW)) {
            return Optional.empty();
        }
        return Optional.of(new PointsPanel(points, recordId, access.permitted(LoyaltyModule.AWARD)));
    }
}
