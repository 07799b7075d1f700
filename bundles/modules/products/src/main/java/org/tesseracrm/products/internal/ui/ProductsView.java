package org.tesseracrm.products.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.products.api.ProductFields;

/** The products list and form, both the kit's. Element ids start with {@code products-} (list) and {@code product-} (form). */
public class ProductsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public ProductsView(RecordKit kit) {
        super(kit, ProductFields.RECORD_TYPE, "products", "product");
    }
}
