package org.tesseracrm.cases.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:case-statuses}: lists the statuses with their kinds; {@code crm:case-statuses <status> <kind>} sets a
 * status's kind ({@code cases.configure}).
 */
@Service
@Command(scope = "crm", name = "case-statuses", description = "Lists case statuses and their kinds, or sets one")
public class CaseStatusesCommand implements Action {
    @Reference
    private Cases cases;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "status", required = false, description = "a status of the pick-list")
    private String status;

    @Argument(index = 1, name = "kind", required = false, description = "open, waiting, solved or closed")
    private String kind;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (status != null) {
                StatusKind k = StatusKind.parse(kind == null ? "" : kind).orElseThrow(() -> new ValidationException(
                        java.util.List.of(new FieldError("kind", "The kind is one of open, waiting, solved, closed"))));
                cases.setStatusKind(status, k);
                System.out.println(status + " is " + k.code());
            } else {
                cases.statusKinds().forEach((s, k) -> System.out.println(k.code() + "\t" + s));
            }
            return null;
        });
        return null;
    }
}
