package org.tesseracrm.opportunities.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/** {@code crm:opportunity-phase-add}: adds a phase at the end of the order. */
@Service
@Command(scope = "crm", name = "opportunity-phase-add", description = "Adds an opportunity phase at the end of the order")
public class PhaseAddCommand implements Action {
    @Reference
    private OpportunityPhases phases;

    @Reference
    private CallerContext callers;

    @Option(name = "--kind", description = "OPEN (default), WON or LOST")
    private String kind = "OPEN";

    @Argument(index = 0, name = "name", required = true, description = "the phase's name")
    private String name;

    @Argument(index = 1, name = "probability", required = true, description = "win probability in percent, 0-100")
    private int probability;

    @Override
    public Object execute() {
        PhaseKind parsed = PhaseKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        Phase added = callers.callAs(ShellCaller.current(), () -> phases.add(name, probability, parsed));
        System.out.println("Added phase " + added.name() + " (id " + added.id() + ", " + added.probability() + " %, "
                + added.kind() + ")");
        return null;
    }
}
