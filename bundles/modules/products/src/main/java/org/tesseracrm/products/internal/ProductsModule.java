package org.tesseracrm.products.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.products.api.PriceLists;

/** Announces the Products module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ProductsModule.ID, name = "Products", icon = "vaadin:package",
        description = "Products and services, price lists with conditions and validity dates, quantity discounts")
public class ProductsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "products";
    /** See products and price lists. */
    public static final String VIEW = ID + ".view";
    /** Change price lists, their prices and quantity ranges, and the module's pick-lists. */
    public static final String CONFIGURE = PriceLists.CONFIGURE;

    /** The standard set: {@code .configure} is the one that changes price lists. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
