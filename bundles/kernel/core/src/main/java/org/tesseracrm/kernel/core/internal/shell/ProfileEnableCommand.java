package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:profile-enable}. */
@Service
@Command(scope = "crm", name = "profile-enable", description = "Installs the modules of a CRM profile at runtime; other modules keep running")
public class ProfileEnableCommand extends ModuleAdminCommand {

    @Override
    String apply(ModuleAdmin modules, String moduleOrProfile) {
        modules.enableProfile(moduleOrProfile);
        return "Profile " + moduleOrProfile + " enabled";
    }
}
