package org.tesseracrm.contacts.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the contacts list at {@code /contacts} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "contacts", title = "Contacts", icon = "vaadin:user-card", group = "Sales", order = 10,
        permission = ContactsModule.VIEW)
public class ContactsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public ContactsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + ContactService.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ContactsView.class;
    }

    @Override
    public Component createView() {
        return new ContactsView(kit);
    }
}
