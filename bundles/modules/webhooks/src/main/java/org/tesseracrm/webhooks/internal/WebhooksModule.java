package org.tesseracrm.webhooks.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Webhooks module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = WebhooksModule.ID, name = "Webhooks", icon = "vaadin:connect",
        description = "Signed HTTP deliveries of record events to URLs an administrator subscribes")
public class WebhooksModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "webhooks";
    /** Subscribe URLs, see their deliveries, retry, test, rotate secrets, enable and disable. */
    public static final String MANAGE = ID + ".manage";
    /** Let a subscription reach loopback, private and link-local addresses (the server's own network). */
    public static final String ALLOW_PRIVATE = ID + ".allow-private";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(MANAGE, "manage webhooks"),
                new Permission(ALLOW_PRIVATE, "allow webhooks to private network addresses"));
    }
}
