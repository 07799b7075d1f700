package ${package}.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the ${moduleName} module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ${moduleName}Module.ID, name = "${moduleName}", icon = "vaadin:cube", description = "${recordClass}s")
public class ${moduleName}Module implements ModuleDescriptor, PermissionSet {
    /** The module id: prefix of its permissions, and its route. */
    public static final String ID = "${moduleId}";
    /** See ${recordType}s. */
    public static final String VIEW = ID + ".view";
    /** Create ${recordType}s. */
    public static final String CREATE = ID + ".create";

    /** @return the standard record permissions (view, create, edit, delete, import, export, ...) */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
