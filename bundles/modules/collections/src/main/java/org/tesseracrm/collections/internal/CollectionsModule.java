package org.tesseracrm.collections.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Collections module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = CollectionsModule.ID, name = "Collections", icon = "vaadin:money-withdraw",
        description = "Receivables per customer with obligations, totals outstanding and overdue, aging")
public class CollectionsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "collections";
    /** See collections, their obligations and the aging. */
    public static final String VIEW = ID + ".view";
    /** Make collections. */
    public static final String CREATE = ID + ".create";
    /** Change collections and their obligations. */
    public static final String EDIT = ID + ".edit";

    /** The standard set. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
