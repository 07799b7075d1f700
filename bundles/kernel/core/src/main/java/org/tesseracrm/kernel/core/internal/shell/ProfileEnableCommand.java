package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.module.ModuleAdmin;

/** {@code crm:profile-enable}: the same operation as the module management view, through Karaf's features. */
@Service
@Command(scope = "crm", name = "profile-enable", description = "Installs a CRM profile at runtime (other modules keep running)")
public class ProfileEnableCommand implements Action {

    @Reference
    private ModuleAdmin admin;

    @Argument(index = 0, name = "id", description = "the profile id, as shown by crm:profile-list", required = true)
    private String id;

    @Override
    public Object execute() {
        admin.enableProfile(id);
        System.out.println("Profile " + id + " enabled");
        return null;
    }
}
