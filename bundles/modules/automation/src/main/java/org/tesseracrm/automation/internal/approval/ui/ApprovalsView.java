package org.tesseracrm.automation.internal.approval.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * Administration → Approval processes: the processes ({@code approvals-grid}), and an editor dialog
 * ({@code approvals-editor}) with the name, record type, criteria (one condition a line:
 * {@code field; OPERATOR; value; value}), steps (one a line: {@code manager} or a user name), the gate (a pick-list
 * field and the values that need approval first) and whether it is active.
 */
public class ApprovalsView extends EditableList<ApprovalProcess> {
    private static final long serialVersionUID = 1L;
    private static final String ANY = "any condition";

    private final transient Approvals approvals;
    private final transient RecordTypes types;

    /**
     * @param approvals the processes
     * @param types the record types
     * @param configure whether the user may change processes
     */
    public ApprovalsView(Approvals approvals, RecordTypes types, boolean configure) {
        super("approvals", "Approval processes", "Records that meet a process's criteria are submitted from their "
                + "form and approved step by step; while waiting they cannot be changed. A gate keeps a pick-list "
                + "(e.g. a quote's status) from taking some values before approval.", "New process", configure);
        this.approvals = approvals;
        this.types = types;
        grid.addColumn(ApprovalProcess::name).setHeader("Name");
        grid.addColumn(ApprovalProcess::recordType).setHeader("Record type");
        grid.addColumn(p -> p.steps().stream().map(ApprovalStep::describe).collect(Collectors.joining(" → ")))
                .setHeader("Steps");
        grid.addColumn(p -> p.gateField().isEmpty() ? "" : p.gateField() + ": " + String.join(", ", p.gateValues()))
                .setHeader("Gate");
        grid.addColumn(p -> p.active() ? "Active" : "Off").setHeader("State");
        refresh();
    }

    @Override
    protected List<ApprovalProcess> load() {
        return approvals.processes();
    }

    @Override
    protected void edit(ApprovalProcess process) {
        boolean fresh = process == null;
        Dialog dialog = editor(fresh ? "New approval process" : process.name());
        TextField name = text("name", "Name", fresh ? "" : process.name());
        RadioButtonGroup<String> match = new RadioButtonGroup<>("Records that meet");
        match.setId("approvals-match");
        match.setItems("all conditions", ANY);
        match.setValue(!fresh && process.criteria().match() == Criteria.Match.ANY ? ANY : "all conditions");
        TextArea conditions = area("conditions", "Conditions (one a line: field; OPERATOR; value; value)", fresh ? ""
                : process.criteria().conditions().stream().map(f -> f.field() + "; " + f.op().name()
                        + f.values().stream().map(v -> "; " + v).collect(Collectors.joining()))
                        .collect(Collectors.joining("\n")));
        conditions.setHelperText("Operators: " + Arrays.stream(FilterOp.values()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ". E.g. discount; BETWEEN; 1000 (1,000 or more)");
        TextArea steps = area("steps", "Steps (one a line: manager, or a user name)", fresh ? "manager"
                : process.steps().stream().map(s -> s.approver() == ApprovalStep.Approver.MANAGER ? "manager"
                        : s.user()).collect(Collectors.joining("\n")));
        TextField gateField = text("gate-field", "Gate: pick-list field (optional)", fresh ? "" : process.gateField());
        TextField gateValues = text("gate-values", "Gate: values that need approval first (comma separated)",
                fresh ? "" : String.join(", ", process.gateValues()));
        Checkbox active = new Checkbox("Active", fresh || process.active());
        active.setId("approvals-active");
        var type = recordType(types, fresh ? null : process.recordType());
        dialog.add(new VerticalLayout(name, type, match, conditions, steps, gateField, gateValues, active));
        EditorFooter.add(dialog, "approvals", "Approval process", () -> {
            List<Filter> filters = new ArrayList<>();
            for (String line : conditions.getValue().split("\n")) {
                if (!line.isBlank()) {
                    filters.add(condition(line));
                }
            }
            List<ApprovalStep> chosen = Arrays.stream(steps.getValue().split("\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(s -> "manager".equalsIgnoreCase(s) ? ApprovalStep.manager()
                            : ApprovalStep.user(s)).toList();
            approvals.saveProcess(new ApprovalProcess(fresh ? 0 : process.id(), name.getValue(),
                    type.getValue() == null ? "" : type.getValue(), new Criteria(ANY.equals(match.getValue())
                            ? Criteria.Match.ANY : Criteria.Match.ALL, filters), chosen, gateField.getValue(),
                    Arrays.stream(gateValues.getValue().split(",")).map(String::strip).filter(v -> !v.isEmpty())
                            .toList(), active.getValue(), fresh ? 0 : process.version()));
        }, fresh ? null : () -> approvals.deleteProcess(process.id()), this::refresh);
        dialog.open();
    }

    /**
     * @param line a line of the conditions: {@code field; OPERATOR; value; value}
     * @return the condition (a range with one value is open above; an operator without values takes none)
     */
    static Filter condition(String line) {
        List<String> parts = Arrays.stream(line.split(";", -1)).map(String::strip).toList();
        FilterOp op = FilterOp.valueOf(parts.size() > 1 ? parts.get(1).toUpperCase(Locale.ROOT).replace(' ', '_') : "");
        List<String> values = parts.size() > 2 ? parts.subList(2, parts.size()) : List.of();
        if (op.arity() == 0) {
            values = List.of();
        } else if (op.arity() == 2 && values.size() == 1) {
            values = List.of(values.get(0), "");
        } else if (op.arity() == 1 && values.size() > 1) {
            values = values.subList(0, 1);
        }
        return new Filter(parts.get(0), op, values);
    }
}
