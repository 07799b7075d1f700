package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:profile-disable}. */
@Service
@Command(scope = "crm", name = "profile-disable", description = "Uninstalls the modules of a CRM profile at runtime; other modules keep running")
public class ProfileDisableCommand extends ModuleAdminCommand {

    @Override
    String apply(ModuleAdmin modules, String moduleOrProfile) {
        modules.disableProfile(moduleOrProfile);
        return "Profile " + moduleOrProfile + " disabled";
    }
}
