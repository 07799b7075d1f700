package org.tesseracrm.automation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.Contribution;

/** {@code automation:actions}: the actions rules can use now, with their parameters and contributing bundle. */
@Service
@Command(scope = "automation", name = "actions", description = "Lists the actions workflow rules can use now")
public class ActionsCommand extends AutomationCommand {
    @Override
    public Object execute() {
        List<Contribution> all = asUser(automation::actions);
        all.forEach(c -> AutomationShell.contribution(c).forEach(System.out::println));
        if (all.isEmpty()) {
            System.out.println("No actions");
        }
        return null;
    }
}
