package org.tesseracrm.cases.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:case-close}: closes a case. */
@Service
@Command(scope = "crm", name = "case-close", description = "Closes a case")
public class CaseCloseCommand implements Action {
    @Reference
    private Cases cases;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the case's id")
    private long id;

    @Override
    public Object execute() {
        System.out.println("Closed " + CaseShell.line(callers.callAs(ShellCaller.current(), () -> cases.close(id))));
        return null;
    }
}
