package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * Base of the commands that enable or disable a module or profile through {@link ModuleAdmin}, so
 * Karaf's feature state stays the single source of truth and other modules keep running.
 */
abstract class ModuleAdminCommand implements Action {

    @Reference
    private ModuleAdmin admin;

    @Argument(index = 0, name = "id", required = true,
            description = "the module or profile id, as shown by crm:module-list or crm:profile-list")
    private String id;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        System.out.println(callers.callAs(ShellCaller.current(), () -> apply(admin, id)));
        return null;
    }

    /** @return what was done, for the console */
    abstract String apply(ModuleAdmin modules, String moduleOrProfile);
}
