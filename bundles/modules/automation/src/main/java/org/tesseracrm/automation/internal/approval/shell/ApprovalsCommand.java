package org.tesseracrm.automation.internal.approval.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;

/**
 * {@code automation:approvals}: the approval processes; with a record type, the records of that type waiting for
 * the shell user's decision; with a record type and id, that record's requests.
 */
@Service
@Command(scope = "automation", name = "approvals", description = "Lists approval processes, what waits for you, "
        + "or a record's approval requests")
public class ApprovalsCommand extends ApprovalCommand {
    @Argument(index = 0, name = "type", required = false, description = "a record type: what waits for you there")
    String type;

    @Argument(index = 1, name = "id", required = false, description = "a record of that type: its requests")
    Long id;

    @Override
    public Object execute() {
        if (type == null) {
            List<ApprovalProcess> processes = asUser(approvals::processes);
            processes.forEach(p -> System.out.println(line(p)));
            if (processes.isEmpty()) {
                System.out.println("No approval processes");
            }
            return null;
        }
        List<ApprovalRequest> requests = id == null ? asUser(() -> approvals.waiting(type))
                : asUser(() -> approvals.requests(type, id));
        requests.forEach(r -> System.out.println(line(r)));
        if (requests.isEmpty()) {
            System.out.println(id == null ? "Nothing waits for your approval" : "No approval requests");
        }
        return null;
    }
}
