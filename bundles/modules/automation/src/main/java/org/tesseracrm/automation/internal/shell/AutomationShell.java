package org.tesseracrm.automation.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;

/** How the automation commands print rules, runs and the catalogue: plain lines, one thing a line. */
final class AutomationShell {
    private AutomationShell() {
    }

    /**
     * @param status a rule
     * @return e.g. {@code 12 v3 ACTIVE "First filter" contact on record.created, 2 actions (saved by admin at ...)};
     *     a suspended rule names what is missing
     */
    static String line(RuleStatus status) {
        Rule r = status.rule();
        return r.id() + " v" + r.version() + " " + status.state() + " \"" + r.name() + "\" " + r.recordType() + " on "
                + r.trigger() + ", " + r.actions().size() + " action" + (r.actions().size() == 1 ? "" : "s")
                + (status.missing().isEmpty() ? "" : " (missing: " + String.join(", ", status.missing()) + ")")
                + " (saved by " + status.savedBy() + " at " + status.savedAt() + ")";
    }

    /**
     * @param status a rule
     * @return its line, then its trigger's values, criteria, repeat and each action with its values and delay
     */
    static List<String> details(RuleStatus status) {
        Rule r = status.rule();
        List<String> out = new ArrayList<>();
        out.add(line(status));
        out.add("  trigger: " + r.trigger() + values(r.triggerConfig()));
        out.add("  criteria: " + (r.criteria().conditions().isEmpty() ? "every record"
                : r.criteria().match() + " of " + r.criteria().conditions().stream().map(AutomationShell::condition)
                        .collect(Collectors.joining("; "))));
        out.add("  repeat: " + r.repeat());
        for (int i = 0; i < r.actions().size(); i++) {
            RuleAction a = r.actions().get(i);
            out.add("  " + (i + 1) + ". " + a.action() + values(a.config())
                    + a.delay().map(d -> " after " + d).orElse(""));
        }
        return out;
    }

    /**
     * @param run a run
     * @return its line and one line per step
     */
    static List<String> run(RuleRun run) {
        List<String> out = new ArrayList<>();
        out.add(run.id() + " " + run.status() + " " + run.recordType() + " " + run.recordId() + " v" + run.ruleVersion()
                + " depth " + run.depth() + " " + run.trigger() + " started " + run.startedAt()
                + run.finishedAt().map(f -> " finished " + f).orElse("")
                + (run.message().isEmpty() ? "" : ": " + run.message()));
        for (RuleRun.Step s : run.steps()) {
            out.add("    " + s.position() + ". " + s.action() + " " + s.outcome() + " " + s.at()
                    + (s.message().isEmpty() ? "" : ": " + s.message()));
        }
        return out;
    }

    /**
     * @param c a trigger or an action
     * @return its line (id, label, record types, bundle) and one line per parameter
     */
    static List<String> contribution(Contribution c) {
        List<String> out = new ArrayList<>();
        out.add(c.id() + " \"" + c.label() + "\" for " + String.join(", ", c.recordTypes().stream().sorted().toList())
                + " [" + c.bundle() + "]");
        for (Parameter p : c.parameters()) {
            out.add("    " + p.name() + " " + p.type() + (p.required() ? " required" : "")
                    + (p.choices().isEmpty() ? "" : " " + String.join("|", p.choices()))
                    + p.defaultValue().map(d -> " default " + d).orElse("") + " - " + p.label());
        }
        return out;
    }

    private static String condition(Filter f) {
        return f.field() + " " + f.op() + (f.values().isEmpty() ? "" : " " + String.join(", ", f.values()));
    }

    private static String values(Map<String, String> config) {
        return config.isEmpty() ? "" : " " + new TreeMap<>(config);
    }
}
