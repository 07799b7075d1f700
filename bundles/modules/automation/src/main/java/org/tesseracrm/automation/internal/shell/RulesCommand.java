package org.tesseracrm.automation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.RuleStatus;

/** {@code automation:rules}: every workflow rule at its current version, with its state. */
@Service
@Command(scope = "automation", name = "rules", description = "Lists the workflow rules with their state")
public class RulesCommand extends AutomationCommand {
    @Override
    public Object execute() {
        List<RuleStatus> rules = asUser(automation::rules);
        rules.forEach(r -> System.out.println(AutomationShell.line(r)));
        if (rules.isEmpty()) {
            System.out.println("No rules");
        }
        return null;
    }
}
