package org.tesseracrm.quotes.internal.ui;

import java.util.Map;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.Quotes;

/**
 * What the quote screens work with.
 *
 * @param quotes the quotes service
 * @param lines the quotes' lines
 * @param kit the record kit (forms)
 * @param access what the user may do
 */
record QuoteServices(Quotes quotes, LineItems lines, RecordKit kit, AccessControl access) {
    /** Opens the form of a record, or says why not. */
    void open(String recordType, long id) {
        try {
            kit.form(recordType, recordType, new RecordRow(id, 0, Map.of()), () -> { }).open();
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    /** Shows a message the user can act on. */
    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Tells the user something worked. */
    static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
