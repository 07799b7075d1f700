package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.module.FeatureInfo;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:module-list}: every module feature, whether it is installed, and its running state. */
@Service
@Command(scope = "crm", name = "module-list", description = "Lists the CRM modules, installed or not, with their state")
public class ModuleListCommand implements Action {

    @Reference
    private ModuleAdmin admin;

    @Reference
    private CallerContext callers;

    @Reference
    private ModuleRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Module");
        table.column("Feature");
        table.column("Version");
        table.column("Installed");
        table.column("State");
        table.column("Routes");
        for (FeatureInfo module : callers.callAs(ShellCaller.current(), admin::modules)) {
            InstalledModule running = registry.module(module.id()).orElse(null);
            table.addRow().addContent(module.id(), module.feature(), module.version(), module.installed() ? "yes" : "no",
                    running == null ? "-" : running.state(),
                    running == null ? "" : String.join(", ", running.routes()));
        }
        table.print(System.out);
        return null;
    }
}
