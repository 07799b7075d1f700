package org.tesseracrm.projects.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:project-unlink}: takes a related record off a project. */
@Service
@Command(scope = "crm", name = "project-unlink", description = "Takes a related record off a project")
public class ProjectUnlinkCommand extends ProjectCommand {
    @Argument(index = 1, name = "type", required = true, description = "the record type id, e.g. case")
    private String recordType;

    @Argument(index = 2, name = "record", required = true, description = "the record id")
    private long recordId;

    @Override
    public Object execute() {
        boolean unlinked = asUser(() -> projects.unlink(projectId, recordType,
                recordId));
        System.out.println(unlinked ? "Took " + recordType + " " + recordId + " off project #" + projectId
                : recordType + " " + recordId + " was not related to project #" + projectId);
        return null;
    }
}
