package org.tesseracrm.cases.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Cases module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = CasesModule.ID, name = "Cases", icon = "vaadin:lifebuoy",
        description = "Service cases (PQRS) numbered per type, statuses with kinds, dependencies, SLA due times")
public class CasesModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "cases";
    /** See cases. */
    public static final String VIEW = ID + ".view";
    /** Open cases. */
    public static final String CREATE = ID + ".create";
    /** Change cases and move them through their statuses (solve, close). */
    public static final String EDIT = ID + ".edit";
    /** Change case types and prefixes, status kinds (and the SLA settings). */
    public static final String CONFIGURE = ID + ".configure";

    /** The standard set. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
