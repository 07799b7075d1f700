package org.tesseracrm.automation.internal.blueprint.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code automation:blueprints}: the blueprints with their transitions; with a record type and id, the moves the
 * shell user may make on that record now.
 */
@Service
@Command(scope = "automation", name = "blueprints", description = "Lists blueprints, or the moves a record has")
public class BlueprintsCommand implements Action {
    @Reference
    Blueprints blueprints;

    @Reference
    CallerContext callers;

    @Argument(index = 0, name = "type", required = false, description = "a record type")
    String type;

    @Argument(index = 1, name = "id", required = false, description = "a record of that type: its moves now")
    Long id;

    @Override
    public Object execute() {
        if (type != null && id != null) {
            List<Transition> moves = callers.callAs(ShellCaller.current(), () -> blueprints.available(type, id));
            moves.forEach(t -> System.out.println(line(t)));
            if (moves.isEmpty()) {
                System.out.println("No moves");
            }
            return null;
        }
        List<Blueprint> all = callers.callAs(ShellCaller.current(), blueprints::blueprints).stream()
                .filter(b -> type == null || b.recordType().equals(type)).toList();
        for (Blueprint b : all) {
            System.out.println(b.id() + " \"" + b.name() + "\" " + b.recordType() + "." + b.field() + " "
                    + (b.active() ? "active" : "inactive") + ": " + String.join(" > ", b.states()));
            b.transitions().forEach(t -> System.out.println("  " + line(t)));
        }
        if (all.isEmpty()) {
            System.out.println("No blueprints");
        }
        return null;
    }

    /**
     * @param t a transition
     * @return e.g. {@code Qualify: Contacted -> Qualified (role Sales manager; needs description)}
     */
    static String line(Transition t) {
        String who = t.open() ? "anyone who may edit" : String.join(", ", t.users().stream().sorted().toList())
                + t.roles().stream().sorted().map(r -> " role " + r).collect(Collectors.joining())
                + t.groups().stream().sorted().map(g -> " group " + g).collect(Collectors.joining());
        return t.name() + ": " + t.from() + " -> " + t.to() + " (" + who.strip()
                + (t.requiredFields().isEmpty() ? "" : "; needs " + String.join(", ", t.requiredFields())) + ")";
    }
}
