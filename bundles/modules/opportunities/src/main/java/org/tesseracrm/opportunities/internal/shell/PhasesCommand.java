package org.tesseracrm.opportunities.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;

/** {@code crm:opportunity-phases}: the opportunity phases in the admin's order. */
@Service
@Command(scope = "crm", name = "opportunity-phases", description = "Lists the opportunity phases in their order, with probability, kind and state")
public class PhasesCommand implements Action {
    @Reference
    private OpportunityPhases phases;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        List<Phase> all = callers.callAs(ShellCaller.current(), phases::phases);
        print(all);
        return null;
    }

    static void print(List<Phase> all) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Position", "Name", "Probability", "Kind", "State")) {
            table.column(column);
        }
        for (Phase phase : all) {
            table.addRow().addContent(phase.id(), phase.position() + 1, phase.name(), phase.probability() + " %",
                    phase.kind(), phase.active() ? "active" : "inactive");
        }
        table.print(System.out);
    }
}
