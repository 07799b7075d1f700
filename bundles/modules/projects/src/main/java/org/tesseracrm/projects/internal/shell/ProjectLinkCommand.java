package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-link}: relates a record of any type to a project. */
@Service
@Command(scope = "crm", name = "project-link", description = "Relates a record of any type to a project")
public class ProjectLinkCommand extends ProjectCommand {
    @Argument(index = 1, name = "type", required = true, description = "the record type id, e.g. case")
    private String recordType;

    @Argument(index = 2, name = "record", required = true, description = "the record id")
    private long recordId;

    @Override
    public Object execute() {
        boolean linked = asUser(() -> projects.link(projectId, recordType, recordId));
        System.out.println(linked ? "Related " + recordType + " " + recordId + " to project #" + projectId
                : recordType + " " + recordId + " was already related to project #" + projectId);
        return null;
    }
}
