package com.example.loyalty.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Loyalty module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = LoyaltyModule.ID, name = "Loyalty", icon = "vaadin:cube", description = "Rewards")
public class LoyaltyModule implements ModuleDescriptor, PermissionSet {
    /** The module id: prefix of its permissions, and its route. */
    public static final String ID = "loyalty";
    /** See rewards. */
    public static final String VIEW = ID + ".view";
    /** Create rewards. */
    public static final String CREATE = ID + ".create";

    /** @return the standard record permissions (view, create, edit, delete, import, export, ...) */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
