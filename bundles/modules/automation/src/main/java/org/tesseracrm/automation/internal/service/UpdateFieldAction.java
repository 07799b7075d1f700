package org.tesseracrm.automation.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * "Update a field": sets one field of the record to a value (blank clears it), through the record platform at the
 * record's current version, so the change is checked, audited and raises its own record events and rules.
 */
@Component(service = Action.class, property = Action.ID + "=" + UpdateFieldAction.ID)
public class UpdateFieldAction implements Action {
    /** The action's id. */
    public static final String ID = "record.updateField";

    private final Records records;

    /** @param records changes the record (as the engine's caller, the system) */
    @Activate
    public UpdateFieldAction(@Reference Records records) {
        this.records = records;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Update a field";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.of("field", "Field", ParameterType.FIELD, true),
                Parameter.of("value", "Value", ParameterType.TEXT, false)
                        .withHelp("As a list or an import writes it; blank to clear the field"));
    }

    @Override
    public ActionResult run(ActionContext context) {
        String field = context.config().getOrDefault("field", "");
        String value = context.config().getOrDefault("value", "");
        Optional<RecordRow> row = records.get(context.recordType(), context.recordId());
        if (row.isEmpty()) {
            return ActionResult.skipped("The record is gone");
        }
        if (row.get().text(field).equals(value)) {
            return ActionResult.skipped(field + " is already " + (value.isEmpty() ? "empty" : value));
        }
        records.update(context.recordType(), context.recordId(), row.get().version(),
                RecordValues.ofText(Map.of(field, value)));
        return ActionResult.done(value.isEmpty() ? "Cleared " + field : "Set " + field + " to " + value);
    }
}
