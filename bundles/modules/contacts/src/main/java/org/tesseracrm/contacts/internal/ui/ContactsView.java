package org.tesseracrm.contacts.internal.ui;

import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/** The contacts list and form, both the kit's. */
public class ContactsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public ContactsView(RecordKit kit) {
        super(kit, ContactService.RECORD_TYPE, "contacts", "contact");
    }
}
