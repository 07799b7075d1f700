package org.tesseracrm.opportunities.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * {@code crm:opportunity-phase-set}: renames, re-weights, re-kinds, moves, deactivates or deletes a phase.
 * A probability change recomputes the expected amounts of the opportunities in the phase.
 */
@Service
@Command(scope = "crm", name = "opportunity-phase-set", description = "Changes an opportunity phase: name, probability, kind, position, active; or deletes an unused one")
public class PhaseSetCommand implements Action {
    @Reference
    private OpportunityPhases phases;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "phase", required = true, description = "the phase's current name")
    private String phase;

    @Option(name = "--name", description = "new name")
    private String name;

    @Option(name = "--probability", description = "new win probability in percent, 0-100")
    private Integer probability;

    @Option(name = "--kind", description = "OPEN, WON or LOST")
    private String kind;

    @Option(name = "--active", description = "true or false (an inactive phase is no longer offered)")
    private Boolean active;

    @Option(name = "--position", description = "new place in the order, from 1")
    private Integer position;

    @Option(name = "--delete", description = "delete the phase (only if no opportunity is in it)")
    private boolean delete;

    @Override
    public Object execute() {
        List<Phase> after = callers.callAs(ShellCaller.current(), () -> {
            Phase old = named(phases.phases(), phase);
            if (delete) {
                phases.delete(old.id());
                return phases.phases();
            }
            if (name != null || probability != null || kind != null || active != null) {
                phases.change(old.id(), name == null ? old.name() : name,
                        probability == null ? old.probability() : probability,
                        kind == null ? old.kind() : PhaseKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)),
                        active == null ? old.active() : active);
            }
            if (position != null) {
                List<Long> ids = new ArrayList<>(phases.phases().stream().map(Phase::id).toList());
                ids.remove(old.id());
                ids.add(Math.max(0, Math.min(ids.size(), position - 1)), old.id());
                phases.reorder(ids);
            }
            return phases.phases();
        });
        PhasesCommand.print(after);
        return null;
    }

    static Phase named(List<Phase> all, String name) {
        return all.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no opportunity phase \"" + name + "\"."));
    }
}
