package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:module-disable}. */
@Service
@Command(scope = "crm", name = "module-disable", description = "Uninstalls a CRM module at runtime; other modules keep running")
public class ModuleDisableCommand extends ModuleAdminCommand {

    @Override
    String apply(ModuleAdmin modules, String moduleOrProfile) {
        modules.disableModule(moduleOrProfile);
        return "Module " + moduleOrProfile + " disabled";
    }
}
