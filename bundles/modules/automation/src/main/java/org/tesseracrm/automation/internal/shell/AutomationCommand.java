package org.tesseracrm.automation.internal.shell;

import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** What the automation commands share: the service, and calls as the shell's signed-in user. */
abstract class AutomationCommand implements Action {
    @Reference
    Automation automation;

    @Reference
    private CallerContext callers;

    /** @return the work's result, done as the shell's user: the service checks their permissions */
    <T> T asUser(Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }
}
