package org.tesseracrm.followups.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Follow-ups module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = FollowUpsModule.ID, name = "Follow-ups", icon = "vaadin:flag-checkered",
        description = "Follow-up chains on sales operations, their status colours and the unattended follow-ups report")
public class FollowUpsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "followups";
    /** See follow-ups of the records one sees, and the unattended report. */
    public static final String VIEW = ID + ".view";
    /** Plan follow-ups. */
    public static final String CREATE = ID + ".create";
    /** Record results and conclude. */
    public static final String EDIT = ID + ".edit";
    /** Export the unattended report. */
    public static final String EXPORT = ID + ".export";

    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
