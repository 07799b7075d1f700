package org.tesseracrm.automation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.RuleRun;

/**
 * {@code automation:runs [--limit n] <id>}: a rule's run log, newest first, each run with its steps. The limit may
 * also follow the id ({@code automation:runs 12 --limit 50}), which Karaf's parser would otherwise refuse.
 */
@Service
@Command(scope = "automation", name = "runs", description = "Shows a workflow rule's run log, newest first")
public class RunsCommand extends AutomationCommand {
    /** The runs listed without a limit. */
    static final int DEFAULT_LIMIT = 20;

    @Argument(index = 0, name = "id", required = true, description = "the rule's id")
    long id;

    @Argument(index = 1, name = "options", required = false, multiValued = true,
            description = "--limit n after the id")
    List<String> trailing;

    @Option(name = "--limit", description = "the most runs listed, 1 to 1000 (default 20)")
    int limit = DEFAULT_LIMIT;

    @Override
    public Object execute() {
        int most = limit(limit, trailing);
        List<RuleRun> runs = asUser(() -> automation.runs(id, most));
        runs.forEach(r -> AutomationShell.run(r).forEach(System.out::println));
        if (runs.isEmpty()) {
            System.out.println("No runs");
        }
        return null;
    }

    /**
     * @param option the value of {@code --limit} before the id
     * @param trailing what followed the id, null if nothing
     * @return the limit, 1 to 1000
     * @throws IllegalArgumentException if what follows the id is not {@code --limit n}
     */
    static int limit(int option, List<String> trailing) {
        int value = option;
        if (trailing != null && !trailing.isEmpty()) {
            if (trailing.size() != 2 || !trailing.get(0).equals("--limit")) {
                throw new IllegalArgumentException("Usage: automation:runs [--limit n] <id>, or <id> --limit n");
            }
            try {
                value = Integer.parseInt(trailing.get(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--limit takes a whole number, not " + trailing.get(1));
            }
        }
        return Math.max(1, Math.min(value, 1000));
    }
}
