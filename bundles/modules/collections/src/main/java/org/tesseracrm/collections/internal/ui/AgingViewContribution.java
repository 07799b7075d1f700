package org.tesseracrm.collections.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the aging at {@code /collections-aging} with its menu entry under Finance. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "collections-aging", title = "Aging", icon = "vaadin:calendar-clock", group = "Finance", order = 20,
        permission = CollectionsModule.VIEW)
public class AgingViewContribution implements ViewContribution {
    private final Receivables receivables;
    private final RecordKit kit;

    /**
     * @param receivables the aging
     * @param kit opens a collection's form from an aged obligation
     */
    @Activate
    public AgingViewContribution(@Reference Receivables receivables, @Reference RecordKit kit) {
        this.receivables = receivables;
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return AgingView.class;
    }

    @Override
    public Component createView() {
        return new AgingView(receivables, kit);
    }
}
