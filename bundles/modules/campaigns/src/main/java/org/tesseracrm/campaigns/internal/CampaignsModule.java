package org.tesseracrm.campaigns.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Campaigns module and the permissions it defines: the standard set and {@code campaigns.send}. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = CampaignsModule.ID, name = "Campaigns", icon = "vaadin:envelopes",
        description = "E-mail campaigns to segments of contacts and leads, with open, click, bounce and unsubscribe tracking")
public class CampaignsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "campaigns";

    @Override
    public List<Permission> permissions() {
        List<Permission> all = new ArrayList<>(Permission.standard(ID));
        all.add(new Permission(Campaigns.SEND, "send, schedule and cancel campaigns"));
        return all;
    }
}
