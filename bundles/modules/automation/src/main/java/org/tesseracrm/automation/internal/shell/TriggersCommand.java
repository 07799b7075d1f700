package org.tesseracrm.automation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.Contribution;

/** {@code automation:triggers}: the triggers rules can use now, with their parameters and contributing bundle. */
@Service
@Command(scope = "automation", name = "triggers", description = "Lists the triggers workflow rules can use now")
public class TriggersCommand extends AutomationCommand {
    @Override
    public Object execute() {
        List<Contribution> all = asUser(automation::triggers);
        all.forEach(c -> AutomationShell.contribution(c).forEach(System.out::println));
        if (all.isEmpty()) {
            System.out.println("No triggers");
        }
        return null;
    }
}
