package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.AssignmentRules;

/** {@code automation:assignment-rules}: the assignment rules by record type and order. */
@Service
@Command(scope = "automation", name = "assignment-rules", description = "Lists the assignment rules in their order")
public class AssignmentRulesCommand extends PartsCommand {
    @Reference
    AssignmentRules rules;

    @Override
    public Object execute() {
        print(asUser(rules::rules).stream().map(r -> r.id() + " " + r.recordType() + " #" + r.position() + " "
                + (r.active() ? "ACTIVE" : "INACTIVE") + " \"" + r.name() + "\" " + r.strategy() + " "
                + r.pool().name().toLowerCase(java.util.Locale.ROOT) + " " + r.poolName() + " when "
                + criteria(r.criteria()) + (r.open().isEmpty() ? "" : " (open: " + filters(r.open()) + ")")).toList(),
                "No assignment rules");
        return null;
    }
}
