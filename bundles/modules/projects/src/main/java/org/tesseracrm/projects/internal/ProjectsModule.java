package org.tesseracrm.projects.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Projects module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ProjectsModule.ID, name = "Projects", icon = "vaadin:tasks",
        description = "Projects per customer with members, status, dates, budget, related records, progress from"
                + " tasks, activities and notes")
public class ProjectsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "projects";
    /** See projects (owned by visible owners, or as a member), their members, related records and progress. */
    public static final String VIEW = ID + ".view";
    /** Change projects, their members and related records. */
    public static final String EDIT = ID + ".edit";

    /** The standard set. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
