package org.tesseracrm.companies.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Companies module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = CompaniesModule.ID, name = "Companies", icon = "vaadin:building",
        description = "Organisations your organisation deals with, and their contacts")
public class CompaniesModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "companies";
    /** See companies. */
    public static final String VIEW = ID + ".view";
    /** Create companies. */
    public static final String CREATE = ID + ".create";

    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
