package org.tesseracrm.contacts.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the contacts list at {@code /contacts} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "contacts", title = "Contacts", icon = "vaadin:user-card", group = "Sales", order = 10,
        permission = ContactsModule.VIEW)
public class ContactsViewContribution implements ViewContribution {

    private final ContactService contacts;
    private final AccessControl access;
    private final AuditTrail audit;
    private final RecordKit kit;

    /**
     * @param contacts the service the view works with
     * @param access what the user may do, to hide what the service would refuse
     * @param audit the history shown on the form
     * @param kit the record list and the form's custom fields
     */
    @Activate
    public ContactsViewContribution(@Reference ContactService contacts, @Reference AccessControl access,
            @Reference AuditTrail audit, @Reference RecordKit kit) {
        this.contacts = contacts;
        this.access = access;
        this.audit = audit;
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ContactsView.class;
    }

    @Override
    public Component createView() {
        return new ContactsView(contacts, access, audit, kit);
    }
}
