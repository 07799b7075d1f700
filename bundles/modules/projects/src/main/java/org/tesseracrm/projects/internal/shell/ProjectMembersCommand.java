package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-members}: lists a project's members. */
@Service
@Command(scope = "crm", name = "project-members", description = "Lists a project's members")
public class ProjectMembersCommand extends ProjectCommand {
    @Override
    public Object execute() {
        var members = asUser(() -> projects.members(projectId));
        members.forEach(m -> System.out.println(ProjectShell.line(m)));
        if (members.isEmpty()) {
            System.out.println("Project #" + projectId + " has no members");
        }
        return null;
    }
}
