package org.tesseracrm.collections.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:obligations <id>}: the obligations of one collection, by position. */
@Service
@Command(scope = "crm", name = "obligations", description = "Lists the obligations of a collection")
public class ObligationsCommand implements Action {
    @Reference
    private Receivables receivables;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the collection's id")
    private long id;

    @Override
    public Object execute() {
        List<Obligation> rows = callers.callAs(ShellCaller.current(), () -> receivables.obligations(id));
        for (Obligation o : rows) {
            System.out.println(o.position() + ". " + o.dueDate() + " " + o.amount().toPlainString() + " " + o.status()
                    + " (paid " + o.amountPaid().toPlainString() + ", outstanding " + o.outstanding().toPlainString()
                    + ")" + (o.result().isEmpty() ? "" : " " + o.result()));
        }
        if (rows.isEmpty()) {
            System.out.println("No obligations");
        }
        return null;
    }
}
