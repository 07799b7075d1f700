package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code automation:rule-enable <id>}: switches a rule on (no new version). */
@Service
@Command(scope = "automation", name = "rule-enable", description = "Switches a workflow rule on")
public class RuleEnableCommand extends AutomationCommand {
    @Argument(index = 0, name = "id", required = true, description = "the rule's id")
    long id;

    @Override
    public Object execute() {
        System.out.println(AutomationShell.line(asUser(() -> automation.setActive(id, true))));
        return null;
    }
}
