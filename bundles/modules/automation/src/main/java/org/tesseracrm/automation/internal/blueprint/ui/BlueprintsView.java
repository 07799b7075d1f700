package org.tesseracrm.automation.internal.blueprint.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.automation.internal.approval.ui.EditableList;
import org.tesseracrm.automation.internal.approval.ui.EditorFooter;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * Administration → Blueprints: the blueprints ({@code blueprints-grid}) and an editor dialog
 * ({@code blueprints-editor}): name, record type, pick-list field, states (one a line) and transitions, one a line:
 * {@code name; from; to; who; required fields}, where from may be {@code *} (any state), who is a comma-separated
 * list of user names, {@code role:Name} and {@code group:Name} (blank: anyone who may edit), and the required fields
 * are comma-separated field names.
 */
public class BlueprintsView extends EditableList<Blueprint> {
    private static final long serialVersionUID = 1L;

    private final transient Blueprints blueprints;
    private final transient RecordTypes types;

    /**
     * @param blueprints the blueprints
     * @param types the record types
     * @param configure whether the user may change blueprints
     */
    public BlueprintsView(Blueprints blueprints, RecordTypes types, boolean configure) {
        super("blueprints", "Blueprints", "A blueprint guides a pick-list field (e.g. a lead's status) through "
                + "allowed moves only: the form, the board and the API refuse other changes, moves by people the "
                + "transition does not name, and moves without their required fields.", "New blueprint", configure);
        this.blueprints = blueprints;
        this.types = types;
        grid.addColumn(Blueprint::name).setHeader("Name");
        grid.addColumn(b -> b.recordType() + "." + b.field()).setHeader("Field");
        grid.addColumn(b -> String.join(" → ", b.states())).setHeader("States");
        grid.addColumn(b -> b.transitions().size()).setHeader("Transitions");
        grid.addColumn(b -> b.active() ? "Active" : "Off").setHeader("State");
        refresh();
    }

    @Override
    protected List<Blueprint> load() {
        return blueprints.blueprints();
    }

    @Override
    protected void edit(Blueprint blueprint) {
        boolean fresh = blueprint == null;
        Dialog dialog = editor(fresh ? "New blueprint" : blueprint.name());
        TextField name = text("name", "Name", fresh ? "" : blueprint.name());
        var type = recordType(types, fresh ? null : blueprint.recordType());
        TextField field = text("field", "Pick-list field", fresh ? "" : blueprint.field());
        TextArea states = area("states", "States (one a line, values of the pick-list)", fresh ? ""
                : String.join("\n", blueprint.states()));
        TextArea transitions = area("transitions", "Transitions (one a line: name; from; to; who; required fields)",
                fresh ? "" : blueprint.transitions().stream().map(BlueprintsView::line)
                        .collect(Collectors.joining("\n")));
        transitions.setHelperText("from * = any state; who: user names, role:Name, group:Name, comma separated, "
                + "blank for anyone who may edit; required fields: field names, comma separated. E.g. "
                + "Qualify; Contacted; Qualified; role:Sales manager; description");
        Checkbox active = new Checkbox("Active", fresh || blueprint.active());
        active.setId("blueprints-active");
        dialog.add(new VerticalLayout(name, type, field, states, transitions, active));
        EditorFooter.add(dialog, "blueprints", "Blueprint", () -> blueprints.save(new Blueprint(
                fresh ? 0 : blueprint.id(), name.getValue(), type.getValue() == null ? "" : type.getValue(),
                field.getValue(), Arrays.stream(states.getValue().split("\n")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                Arrays.stream(transitions.getValue().split("\n")).filter(l -> !l.isBlank())
                        .map(BlueprintsView::transition).toList(),
                active.getValue(), fresh ? 0 : blueprint.version())),
                fresh ? null : () -> blueprints.delete(blueprint.id()), this::refresh);
        dialog.open();
    }

    /**
     * @param t a transition
     * @return its line in the editor
     */
    static String line(Transition t) {
        String who = Stream.of(t.users().stream().sorted(), t.roles().stream().sorted().map(r -> "role:" + r),
                t.groups().stream().sorted().map(g -> "group:" + g)).flatMap(s -> s).collect(Collectors.joining(", "));
        return t.name() + "; " + t.from() + "; " + t.to() + "; " + who + "; " + String.join(", ", t.requiredFields());
    }

    /**
     * @param line a line of the editor
     * @return the transition it describes
     */
    static Transition transition(String line) {
        List<String> parts = new ArrayList<>(Arrays.stream(line.split(";", -1)).map(String::strip).toList());
        while (parts.size() < 5) {
            parts.add("");
        }
        Set<String> users = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String who : parts.get(3).split(",")) {
            String w = who.strip();
            if (w.startsWith("role:")) {
                roles.add(w.substring(5).strip());
            } else if (w.startsWith("group:")) {
                groups.add(w.substring(6).strip());
            } else if (!w.isEmpty()) {
                users.add(w);
            }
        }
        return new Transition(parts.get(0), parts.get(1), parts.get(2), users, roles, groups,
                Arrays.stream(parts.get(4).split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList());
    }
}
