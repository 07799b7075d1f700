package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-member-remove}: removes a member from a project. */
@Service
@Command(scope = "crm", name = "project-member-remove", description = "Removes a member from a project")
public class ProjectMemberRemoveCommand extends ProjectCommand {
    @Argument(index = 1, name = "user", required = true, description = "the user name")
    private String username;

    @Override
    public Object execute() {
        boolean removed = asUser(() -> projects.removeMember(projectId, username));
        System.out.println(removed ? "Removed " + username + " from project #" + projectId
                : username + " was not a member of project #" + projectId);
        return null;
    }
}
