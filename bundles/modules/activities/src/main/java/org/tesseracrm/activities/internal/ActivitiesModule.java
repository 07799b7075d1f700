package org.tesseracrm.activities.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Activities module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ActivitiesModule.ID, name = "Activities", icon = "vaadin:calendar-clock",
        description = "Calls, meetings and tasks on every record, reminders, due flags, check-ins and video meetings")
public class ActivitiesModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "activities";
    /** See activities (of the records one sees) and check-ins. */
    public static final String VIEW = ID + ".view";
    /** Schedule activities and check in. */
    public static final String CREATE = ID + ".create";
    /** Change, complete, reschedule and join activities; snooze and dismiss their reminders. */
    public static final String EDIT = ID + ".edit";
    /** Delete activities. */
    public static final String DELETE = ID + ".delete";

    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
