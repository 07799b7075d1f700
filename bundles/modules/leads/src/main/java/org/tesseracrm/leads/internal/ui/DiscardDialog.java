package org.tesseracrm.leads.internal.ui;

import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;

/**
 * Asks why a lead is discarded (the active values of its Discard reason pick-list) and discards it. Element ids
 * {@code lead-discard-dialog}, {@code lead-discard-reason}, {@code lead-discard-submit}.
 */
class DiscardDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    DiscardDialog(LeadServices services, RecordRow lead, RecordForm form) {
        setId("lead-discard-dialog");
        String title = services.type(LeadRecordType.ID).map(t -> t.title(lead)).orElse("the lead");
        setHeaderTitle("Discard " + title);
        Select<String> reason = new Select<>();
        reason.setId("lead-discard-reason");
        reason.setLabel("Reason");
        reason.setItems(services.activeValues(LeadRecordType.ID, LeadRecordType.DISCARD_REASON));
        reason.setWidthFull();
        Button discard = new Button("Discard", e -> {
            reason.setInvalid(false);
            try {
                services.conversion().discard(lead.id(), lead.version(), reason.getValue() == null ? "" : reason.getValue());
                close();
                form.closeChanged();
                Notification.show("Discarded " + title + ".");
            } catch (ValidationException ex) {
                // every message here is about the reason or the lead as a whole: show them at the only field
                reason.setErrorMessage(ex.errors().stream().map(FieldError::message).collect(Collectors.joining(" ")));
                reason.setInvalid(true);
            } catch (CrmException ex) {
                LeadServices.error(ex.getMessage());
            }
        });
        discard.setId("lead-discard-submit");
        discard.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(new Paragraph("The lead stays, with status Discarded and the reason, for reports and automation."), reason);
        getFooter().add(new Button("Cancel", e -> close()), discard);
    }
}
