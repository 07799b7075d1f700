package org.tesseracrm.projects.internal.shell;

import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.projects.api.Projects;

/** What the project commands share: the service, the project argument, and calls as the shell's signed-in user. */
abstract class ProjectCommand implements Action {
    @Reference
    Projects projects;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "project", required = true, description = "the project's id")
    long projectId;

    /** @return the work's result, done as the shell's user: the service checks their permissions */
    <T> T asUser(Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }
}
