package org.tesseracrm.cases.internal.sla.shell;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:case-sla-rule}: lists the escalation rules; with {@code --trigger} adds (or with {@code --id} changes)
 * one, with {@code --delete --id} deletes one, with {@code --sweep} runs the sweep now ({@code cases.configure}),
 * e.g. {@code crm:case-sla-rule --type Complaint --priority Urgent --trigger percent --amount 80 --repeat 60
 * --levels 2}.
 */
@Service
@Command(scope = "crm", name = "case-sla-rule", description = "Lists, saves or deletes escalation rules; --sweep runs"
        + " the escalation sweep now")
public class SlaRuleCommand implements Action {
    @Reference
    private SlaService sla;

    @Reference
    private CallerContext callers;

    @Option(name = "--id", description = "the rule to change or delete")
    private long id;

    @Option(name = "--position", description = "order among the rules, smallest first (default 100)")
    private int position = 100;

    @Option(name = "--type", description = "case type it applies to (any without)")
    private String type;

    @Option(name = "--priority", description = "priority it applies to (any without)")
    private String priority;

    @Option(name = "--trigger", description = "percent (of the SLA used) or minutes (business minutes past due)")
    private String trigger;

    @Option(name = "--amount", description = "the percent or the minutes")
    private int amount;

    @Option(name = "--repeat", description = "business minutes between one level and the next (default 60)")
    private int repeat = 60;

    @Option(name = "--levels", description = "up to which level, 1 to 10 (default 1)")
    private int levels = 1;

    @Option(name = "--delete", description = "delete the rule --id")
    private boolean delete;

    @Option(name = "--sweep", description = "run the escalation sweep now")
    private boolean sweep;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (delete) {
                sla.deleteRule(id);
            } else if (trigger != null) {
                try {
                    sla.saveRule(new EscalationRule(id, position, Optional.ofNullable(type),
                            Optional.ofNullable(priority), EscalationRule.Trigger.parse(trigger), amount, repeat,
                            levels));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException(List.of(new FieldError("rule", e.getMessage())));
                }
            }
            if (sweep) {
                System.out.println(sla.sweepNow() + " cases escalated");
            }
            sla.rules().forEach(r -> System.out.println(SlaShell.describe(r)));
            return null;
        });
        return null;
    }
}
