package org.tesseracrm.contacts.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.CustomFieldsPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordList;

/** The contacts list (the kit's record list: search, filters, columns, export) and the contact form. */
public class ContactsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient ContactService contacts;
    private final transient AccessControl access;
    private final transient AuditTrail audit;
    private final transient RecordKit kit;
    private final RecordList list;

    /**
     * @param contacts the contacts service
     * @param access hides actions the user's profile does not allow
     * @param audit the history shown on the form
     * @param kit the record list and the form's custom fields
     */
    public ContactsView(ContactService contacts, AccessControl access, AuditTrail audit, RecordKit kit) {
        this.contacts = contacts;
        this.access = access;
        this.audit = audit;
        this.kit = kit;
        setSizeFull();

        list = kit.list(ContactService.RECORD_TYPE, ContactsModule.ID, "contacts", "contacts");
        Button add = new Button("New contact", new Icon(VaadinIcon.PLUS), e -> openForm(null));
        add.setId("contacts-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(access.permitted(ContactsModule.CREATE));
        list.toolbar().add(add);
        list.onOpen(this::open);
        add(new H2("Contacts"), list);
    }

    @Override
    public String getPageTitle() {
        return "Contacts · Tessera CRM";
    }

    private void open(RecordRow row) {
        contacts.get(row.id()).ifPresentOrElse(this::openForm, () -> {
            Notification.show("This contact no longer exists.");
            list.refresh();
        });
    }

    private void openForm(ContactData contact) {
        CustomFieldsPanel custom = kit.customFields(ContactService.RECORD_TYPE);
        custom.read(contact == null ? null : kit.records().get(ContactService.RECORD_TYPE, contact.id()).orElse(null));
        new ContactForm(contacts, access, audit, custom, contact, list::refresh).open();
    }
}
