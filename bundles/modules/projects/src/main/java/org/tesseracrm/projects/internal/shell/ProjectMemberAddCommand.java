package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-member-add}: adds a user to a project, or changes a member's role. */
@Service
@Command(scope = "crm", name = "project-member-add",
        description = "Adds a user to a project, or changes a member's role")
public class ProjectMemberAddCommand extends ProjectCommand {
    @Argument(index = 1, name = "user", required = true, description = "the user name")
    private String username;

    @Argument(index = 2, name = "role", required = false, multiValued = true, description = "what they do on it")
    private java.util.List<String> role;

    @Override
    public Object execute() {
        String roleText = role == null ? "" : String.join(" ", role);
        boolean added = asUser(() -> projects.addMember(projectId, username, roleText));
        System.out.println((added ? "Added " : "Changed the role of ") + username + " on project #" + projectId);
        return null;
    }
}
