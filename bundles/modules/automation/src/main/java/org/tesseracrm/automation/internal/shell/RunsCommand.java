package org.tesseracrm.automation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.RuleRun;

/** {@code automation:runs <id> [--limit n]}: a rule's run log, newest first, each run with its steps. */
@Service
@Command(scope = "automation", name = "runs", description = "Shows a workflow rule's run log, newest first")
public class RunsCommand extends AutomationCommand {
    @Argument(index = 0, name = "id", required = true, description = "the rule's id")
    long id;

    @Option(name = "--limit", description = "the most runs listed, 1 to 1000 (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        List<RuleRun> runs = asUser(() -> automation.runs(id, Math.max(1, Math.min(limit, 1000))));
        runs.forEach(r -> AutomationShell.run(r).forEach(System.out::println));
        if (runs.isEmpty()) {
            System.out.println("No runs");
        }
        return null;
    }
}
