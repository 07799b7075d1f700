package org.tesseracrm.kernel.core.internal.security;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.timer.Timers;

/** The kernel's own permissions, shown as "administration" in the permission matrix. */
@Component(service = PermissionSet.class, property = ModuleDescriptor.ID + "=" + AdministrationPermissions.ID)
public class AdministrationPermissions implements PermissionSet {
    /** The pseudo-module id of the kernel's permissions. */
    public static final String ID = "administration";
    /** Sign in to the Karaf shell over SSH. */
    public static final String SHELL = "administration.shell";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(SecurityAdmin.MANAGE_USERS, "manage users, roles, groups and profiles"),
                new Permission(ModuleAdmin.MANAGE_MODULES, "enable and disable modules"),
                new Permission(AuditTrail.VIEW_ALL, "read the whole audit trail"),
                new Permission(CustomFields.CUSTOMIZE, "open custom fields and pick-lists"),
                new Permission(Timers.MANAGE_TIMERS, "see timers and retry failed ones"),
                new Permission(SHELL, "use the Karaf shell"));
    }
}
