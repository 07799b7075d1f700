package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:module-disable}: the same operation as the module management view, through Karaf's features. */
@Service
@Command(scope = "crm", name = "module-disable", description = "Uninstalls a CRM module at runtime (other modules keep running)")
public class ModuleDisableCommand implements Action {

    @Reference
    private ModuleAdmin admin;

    @Argument(index = 0, name = "id", description = "the module id, as shown by crm:module-list", required = true)
    private String id;

    @Override
    public Object execute() {
        admin.disableModule(id);
        System.out.println("Module " + id + " disabled");
        return null;
    }
}
