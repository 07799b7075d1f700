package org.tesseracrm.contacts.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Contacts module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ContactsModule.ID, name = "Contacts", icon = "vaadin:user-card",
        description = "People your organisation deals with")
public class ContactsModule implements ModuleDescriptor, PermissionSet {
    /** The module id. */
    public static final String ID = "contacts";
    /** See contacts. */
    public static final String VIEW = ID + ".view";
    /** Create contacts. */
    public static final String CREATE = ID + ".create";
    /** Change and reassign contacts. */
    public static final String EDIT = ID + ".edit";
    /** Delete contacts. */
    public static final String DELETE = ID + ".delete";
    /** Change contacts' fields and pick-lists, share list views. */
    public static final String CONFIGURE = ID + ".configure";
    /** Import contacts from csv and xlsx files. */
    public static final String IMPORT = ID + ".import";

    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
