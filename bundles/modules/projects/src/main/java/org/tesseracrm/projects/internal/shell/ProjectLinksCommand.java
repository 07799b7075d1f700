package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-links}: lists the records related to a project (titles only of those you may see). */
@Service
@Command(scope = "crm", name = "project-links",
        description = "Lists the records related to a project (titles only of those you may see)")
public class ProjectLinksCommand extends ProjectCommand {
    @Override
    public Object execute() {
        var links = asUser(() -> projects.links(projectId));
        links.forEach(l -> System.out.println(ProjectShell.line(l)));
        if (links.isEmpty()) {
            System.out.println("Project #" + projectId + " has no related records");
        }
        return null;
    }
}
