package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.module.FeatureInfo;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:profile-list}: every profile feature and whether it is installed. */
@Service
@Command(scope = "crm", name = "profile-list", description = "Lists the CRM profiles (sets of modules) and whether they are installed")
public class ProfileListCommand implements Action {

    @Reference
    private ModuleAdmin admin;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Profile");
        table.column("Feature");
        table.column("Version");
        table.column("Installed");
        table.column("Description");
        for (FeatureInfo profile : callers.callAs(ShellCaller.current(), admin::profiles)) {
            table.addRow().addContent(profile.id(), profile.feature(), profile.version(),
                    profile.installed() ? "yes" : "no", profile.description());
        }
        table.print(System.out);
        return null;
    }
}
