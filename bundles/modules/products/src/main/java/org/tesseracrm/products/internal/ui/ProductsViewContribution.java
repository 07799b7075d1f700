package org.tesseracrm.products.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.internal.ProductsModule;

import com.vaadin.flow.component.Component;

/** Contributes the products list at {@code /products} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "products", title = "Products", icon = "vaadin:package", group = "Sales", order = 40,
        permission = ProductsModule.VIEW)
public class ProductsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public ProductsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + ProductFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ProductsView.class;
    }

    @Override
    public Component createView() {
        return new ProductsView(kit);
    }
}
