package org.tesseracrm.email.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the E-mail integration and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = EmailModule.ID, name = "E-mail", icon = "vaadin:envelope",
        description = "Mail accounts, templates with merge fields, mail sent from and captured onto records")
public class EmailModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "email";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(MailAccounts.SEND, "send e-mail and keep one's own mail account"),
                new Permission(MailTemplates.MANAGE, "manage shared e-mail templates"),
                new Permission(MailAccounts.MANAGE, "manage shared mail accounts, the outbox and suppressed addresses"));
    }
}
