package org.tesseracrm.quotes.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Quotes module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = QuotesModule.ID, name = "Quotes", icon = "vaadin:invoice",
        description = "Numbered quotes with product lines and totals, revisions, sending as PDF, acceptance")
public class QuotesModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "quotes";
    /** See quotes. */
    public static final String VIEW = ID + ".view";
    /** Make quotes (also revisions). */
    public static final String CREATE = ID + ".create";
    /** Change quotes and move them through their statuses (send, accept, reject). */
    public static final String EDIT = ID + ".edit";
    /** Change the quote template (PDF). */
    public static final String CONFIGURE = ID + ".configure";

    /** The standard set. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
