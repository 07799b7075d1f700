package org.tesseracrm.email.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:template-preview <id> <type> <recordId>}: a template merged with a record, as the shell user. */
@Service
@Command(scope = "email", name = "template-preview", description = "Merges an e-mail template with a record and prints it")
public class TemplatePreviewCommand implements Action {
    @Reference
    private MailTemplates templates;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the template id")
    private long id;

    @Argument(index = 1, name = "type", required = true, description = "the record type, e.g. contact")
    private String type;

    @Argument(index = 2, name = "recordId", required = true, description = "the record id")
    private long recordId;

    @Override
    public Object execute() {
        RenderedMail mail = callers.callAs(ShellCaller.current(), () -> templates.render(id, type, recordId));
        System.out.println("Subject: " + mail.subject());
        for (MailAttachment file : mail.attachments()) {
            System.out.println("Attachment: " + file.name() + " (" + file.contentType() + ", " + file.content().length + " bytes)");
        }
        if (!mail.unknownFields().isEmpty()) {
            System.out.println("Unknown merge fields: " + String.join(", ", mail.unknownFields()));
        }
        System.out.println();
        System.out.println(mail.text());
        System.out.println();
        System.out.println("--- HTML ---");
        System.out.println(mail.html());
        return null;
    }
}
