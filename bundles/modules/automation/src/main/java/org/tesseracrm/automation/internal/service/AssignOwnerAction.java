package org.tesseracrm.automation.internal.service;

import java.util.List;
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
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.Records;

/** "Assign the owner": gives the record to a named user, through the record platform's assignment. */
@Component(service = Action.class, property = Action.ID + "=" + AssignOwnerAction.ID)
public class AssignOwnerAction implements Action {
    /** The action's id. */
    public static final String ID = "record.assignOwner";

    private final Records records;

    /** @param records assigns the record (as the engine's caller, the system) */
    @Activate
    public AssignOwnerAction(@Reference Records records) {
        this.records = records;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Assign the owner";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.of("user", "New owner", ParameterType.USER, true));
    }

    @Override
    public ActionResult run(ActionContext context) {
        String user = context.config().getOrDefault("user", "");
        Optional<RecordRow> row = records.get(context.recordType(), context.recordId());
        if (row.isEmpty()) {
            return ActionResult.skipped("The record is gone");
        }
        if (row.get().text("owner").equals(user)) {
            return ActionResult.skipped("The owner is already " + user);
        }
        records.assign(context.recordType(), RecordSelection.of(List.of(context.recordId())), user);
        return ActionResult.done("Assigned to " + user);
    }
}
