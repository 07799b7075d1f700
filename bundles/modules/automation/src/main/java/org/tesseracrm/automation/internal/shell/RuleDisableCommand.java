package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code automation:rule-disable <id>}: switches a rule off (no new version). */
@Service
@Command(scope = "automation", name = "rule-disable", description = "Switches a workflow rule off")
public class RuleDisableCommand extends AutomationCommand {
    @Argument(index = 0, name = "id", required = true, description = "the rule's id")
    long id;

    @Override
    public Object execute() {
        System.out.println(AutomationShell.line(asUser(() -> automation.setActive(id, false))));
        return null;
    }
}
