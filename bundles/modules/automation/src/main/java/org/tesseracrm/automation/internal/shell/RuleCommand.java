package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code automation:rule <id>}: one rule with its trigger, criteria and actions. */
@Service
@Command(scope = "automation", name = "rule", description = "Shows a workflow rule: trigger, criteria, actions")
public class RuleCommand extends AutomationCommand {
    @Argument(index = 0, name = "id", required = true, description = "the rule's id")
    long id;

    @Override
    public Object execute() {
        AutomationShell.details(asUser(() -> automation.rule(id))).forEach(System.out::println);
        return null;
    }
}
