package org.tesseracrm.kernel.api.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered once by every module bundle to announce itself. All metadata are service properties
 * (use {@link CrmModule} on the component); the module's version is its bundle's version.
 *
 * <pre>
 * &#64;Component(service = ModuleDescriptor.class)
 * &#64;CrmModule(id = "contacts", name = "Contacts", icon = "vaadin:user-card")
 * public class ContactsModule implements ModuleDescriptor {}
 * </pre>
 */
@ConsumerType
public interface ModuleDescriptor {
    /** Service property: the module id, lower case, e.g. {@code contacts}. Unique in an installation. */
    String ID = "crm.module.id";
    /** Service property: the module's display name. */
    String NAME = "crm.module.name";
    /** Service property: one sentence on what the module does. */
    String DESCRIPTION = "crm.module.description";
    /** Service property: a Vaadin icon name such as {@code vaadin:user-card}. */
    String ICON = "crm.module.icon";
}
