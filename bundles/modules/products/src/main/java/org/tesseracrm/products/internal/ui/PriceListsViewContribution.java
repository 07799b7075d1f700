package org.tesseracrm.products.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.products.api.PriceLists;

import com.vaadin.flow.component.Component;

/** Contributes the price lists' admin page at {@code /admin/price-lists}, for {@code products.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/price-lists", title = "Price lists", icon = "vaadin:money", group = "Administration",
        order = 65, permission = PriceLists.CONFIGURE)
public class PriceListsViewContribution implements ViewContribution {
    private final PriceLists lists;
    private final Records records;

    /**
     * @param lists the price lists
     * @param records finds products by what the admin types
     */
    @Activate
    public PriceListsViewContribution(@Reference PriceLists lists, @Reference Records records) {
        this.lists = lists;
        this.records = records;
    }

    @Override
    public Class<? extends Component> viewType() {
        return PriceListsView.class;
    }

    @Override
    public Component createView() {
        return new PriceListsView(lists, records);
    }
}
