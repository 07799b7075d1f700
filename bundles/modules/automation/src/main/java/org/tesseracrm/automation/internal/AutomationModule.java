package org.tesseracrm.automation.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Automation module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = AutomationModule.ID, name = "Automation", icon = "vaadin:automation",
        description = "Workflow rules: when a trigger happens to a record that meets the criteria, actions run; "
                + "versioned rules, a run log, triggers and actions contributed by modules")
public class AutomationModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "automation";

    /** Read rules, the catalogue and the run log; build and switch rules. */
    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(Automation.VIEW, "view rules and run log"),
                new Permission(Automation.CONFIGURE, "configure rules"));
    }
}
