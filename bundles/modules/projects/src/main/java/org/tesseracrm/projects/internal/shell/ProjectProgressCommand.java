package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-progress}: shows a project's progress from its tasks. */
@Service
@Command(scope = "crm", name = "project-progress", description = "Shows a project's progress from its tasks")
public class ProjectProgressCommand extends ProjectCommand {
    @Override
    public Object execute() {
        var progress = asUser(() -> projects.progress(projectId));
        System.out.println(progress.map(p -> "Project #" + projectId + ": " + p.percent() + " % (" + p.done() + " of "
                + p.tasks() + " tasks done)").orElse("Project #" + projectId + " has no tasks"));
        return null;
    }
}
