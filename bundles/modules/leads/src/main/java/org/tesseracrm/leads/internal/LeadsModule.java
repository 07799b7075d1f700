package org.tesseracrm.leads.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.leads.api.LeadConversion;

/** Announces the Leads module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = LeadsModule.ID, name = "Leads", icon = "vaadin:funnel",
        description = "Prospects to qualify, discard or convert into a company, a contact and an opportunity")
public class LeadsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "leads";
    /** See leads. */
    public static final String VIEW = ID + ".view";
    /** Change leads. */
    public static final String EDIT = ID + ".edit";

    @Override
    public List<Permission> permissions() {
        List<Permission> all = new ArrayList<>(Permission.standard(ID));
        all.add(new Permission(LeadConversion.CONVERT, "convert"));
        all.add(new Permission(LeadConversion.DISCARD, "discard"));
        return all;
    }
}
