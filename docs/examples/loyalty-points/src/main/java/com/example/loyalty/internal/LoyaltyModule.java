package com.example.loyalty.internal;

import java.util.List;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Loyalty module and the permissions it defines, its own "award points" among them. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = LoyaltyModule.ID, name = "Loyalty", icon = "vaadin:cube", description = "Loyalty points for contacts, and a rewards catalogue")
public class LoyaltyModule implements ModuleDescriptor, PermissionSet {
    /** The module id: prefix of its permissions, and its route. */
    public static final String ID = "loyalty";
    /** See rewards. */
    public static final String VIEW = ID + ".view";
    /** Create rewards. */
    public static final String CREATE = ID + ".create";
    /** Award loyalty points to contacts: a permission of the module's own, beside the standard ones. */
    public static final String AWARD = ID + ".award";

    /** @return the standard record permissions (view, create, edit, ...) and "award points" */
    @Override
    public List<Permission> permissions() {
        return Stream.concat(Permission.standard(ID).stream(), Stream.of(new Permission(AWARD, "award points")))
                .toList();
    }
}
