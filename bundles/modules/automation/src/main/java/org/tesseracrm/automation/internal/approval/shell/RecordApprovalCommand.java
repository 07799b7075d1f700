package org.tesseracrm.automation.internal.approval.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.tesseracrm.automation.api.ApprovalRequest;

/** A command on one record's approval: record type, id and an optional comment of several words. */
abstract class RecordApprovalCommand extends ApprovalCommand {
    @Argument(index = 0, name = "type", required = true, description = "the record type, e.g. quote")
    String type;

    @Argument(index = 1, name = "id", required = true, description = "the record's id")
    long id;

    @Argument(index = 2, name = "comment", required = false, multiValued = true, description = "a comment")
    List<String> comment;

    /**
     * @param said the comment, "" for none
     * @return the request after the command
     */
    abstract ApprovalRequest act(String said);

    @Override
    public Object execute() {
        String said = comment == null ? "" : String.join(" ", comment);
        System.out.println(line(asUser(() -> act(said))));
        return null;
    }
}
