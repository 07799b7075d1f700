package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:module-enable}. */
@Service
@Command(scope = "crm", name = "module-enable", description = "Installs a CRM module at runtime; other modules keep running")
public class ModuleEnableCommand extends ModuleAdminCommand {

    @Override
    String apply(ModuleAdmin modules, String moduleOrProfile) {
        modules.enableModule(moduleOrProfile);
        return "Module " + moduleOrProfile + " enabled";
    }
}
