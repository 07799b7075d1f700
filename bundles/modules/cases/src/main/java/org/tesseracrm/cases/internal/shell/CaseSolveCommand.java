package org.tesseracrm.cases.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:case-solve}: solves a case with a solution text. */
@Service
@Command(scope = "crm", name = "case-solve", description = "Solves a case: its status becomes solved, with the solution")
public class CaseSolveCommand implements Action {
    @Reference
    private Cases cases;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the case's id")
    private long id;

    @Argument(index = 1, name = "solution", required = true, description = "the solution (quote it)")
    private String solution;

    @Override
    public Object execute() {
        System.out.println("Solved " + CaseShell.line(callers.callAs(ShellCaller.current(),
                () -> cases.solve(id, solution))));
        return null;
    }
}
