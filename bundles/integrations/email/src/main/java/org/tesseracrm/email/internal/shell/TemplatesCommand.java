package org.tesseracrm.email.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:templates}: the e-mail templates the shell user may use. */
@Service
@Command(scope = "email", name = "templates", description = "Lists the e-mail templates the shell user may use")
public class TemplatesCommand implements Action {
    @Reference
    private MailTemplates templates;

    @Reference
    private CallerContext callers;

    @Option(name = "--type", description = "only those of this record type (and the shared ones)")
    private String type;

    @Override
    public Object execute() {
        List<MailTemplate> found = callers.callAs(ShellCaller.current(), () -> templates.list(type));
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Name", "Record type", "Subject", "Owner")) {
            table.column(column);
        }
        for (MailTemplate template : found) {
            table.addRow().addContent(template.id(), template.name(), template.recordType().isBlank() ? "-" : template.recordType(),
                    template.subject(), template.owner() == null ? "shared" : template.owner());
        }
        table.print(System.out);
        return null;
    }
}
