package org.tesseracrm.automation.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRules;

/** {@code automation:scoring-rules}: the score field of each record type, then the scoring rules. */
@Service
@Command(scope = "automation", name = "scoring-rules", description = "Lists the score fields and scoring rules")
public class ScoringRulesCommand extends PartsCommand {
    @Reference
    ScoringRules scoring;

    @Override
    public Object execute() {
        Map<String, String> fields = asUser(scoring::scoreFields);
        fields.forEach((type, field) -> System.out.println(type + " score field: " + field));
        print(asUser(scoring::rules).stream().map(r -> r.id() + " " + r.recordType() + " "
                + (r.active() ? "ACTIVE" : "INACTIVE") + " \"" + r.name() + "\" " + (r.points() > 0 ? "+" : "")
                + r.points() + (r.basis() == ScoringRule.Basis.FIELDS ? " when " + criteria(r.criteria())
                        : " per activity done (at most " + r.cap() + ") with " + criteria(r.criteria()))).toList(),
                "No scoring rules");
        return null;
    }
}
