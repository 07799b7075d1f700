package com.example.loyalty.internal.ui;

import com.example.loyalty.api.RewardService;
import com.example.loyalty.internal.LoyaltyModule;
import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the rewards list at {@code /loyalty}, with its menu entry, to users who may see rewards. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = LoyaltyModule.ID, title = "Rewards", icon = "vaadin:cube", group = "Loyalty", order = 10,
        permission = LoyaltyModule.VIEW)
public class RewardsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once rewards can be stored
     */
    @Activate
    public RewardsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + RewardService.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return RewardsView.class;
    }

    @Override
    public Component createView() {
        return new RewardsView(kit);
    }
}
