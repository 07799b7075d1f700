package org.tesseracrm.contacts.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes the contacts list at {@code /contacts} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "contacts", title = "Contacts", icon = "vaadin:user-card", group = "Sales", order = 10,
        permission = ContactsModule.VIEW)
public class ContactsViewContribution implements ViewContribution {

    private final ContactService contacts;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Records records;
    private final CustomFields customFields;
    private final Imports imports;
    private final SavedViews views;
    private final CallerContext callers;

    /**
     * @param contacts the service the view works with
     * @param access what the user may do, to hide what the service would refuse
     * @param audit the history shown on the form
     * @param records the list, its filters and export
     * @param customFields the fields admins added to contacts
     * @param imports the import wizard's service
     * @param views the saved list views
     * @param callers binds the user to an import's thread
     */
    @Activate
    public ContactsViewContribution(@Reference ContactService contacts, @Reference AccessControl access,
            @Reference AuditTrail audit, @Reference Records records, @Reference CustomFields customFields,
            @Reference Imports imports, @Reference SavedViews views, @Reference CallerContext callers) {
        this.contacts = contacts;
        this.access = access;
        this.audit = audit;
        this.records = records;
        this.customFields = customFields;
        this.imports = imports;
        this.views = views;
        this.callers = callers;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ContactsView.class;
    }

    @Override
    public Component createView() {
        return new ContactsView(contacts, access, audit, records, customFields, imports, views, callers);
    }
}
