package org.tesseracrm.collections.internal.ui;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The collection's obligations on its form ({@code collection-obligations}): the {@link ObligationsEditor}, the totals
 * the collection keeps ({@code collection-obligations-totals}), and Save obligations
 * ({@code collection-obligations-save}), which saves them through the service with the totals and opens the form
 * again with them. Read-only without {@code collections.edit}.
 */
class ObligationsPanel extends Details implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient Receivables receivables;
    private final transient RecordKit kit;
    private final transient RecordRow collection;
    private final ObligationsEditor editor = new ObligationsEditor();

    ObligationsPanel(Receivables receivables, RecordKit kit, AccessControl access, RecordRow collection) {
        this.receivables = receivables;
        this.kit = kit;
        this.collection = collection;
        setId("collection-obligations");
        setSummaryText("Obligations");
        setOpened(true);
        setWidthFull();
        editor.setObligations(receivables.obligations(collection.id()));
        editor.setReadOnly(!access.permitted(CollectionsModule.EDIT));
        String currency = collection.text(CollectionFields.CURRENCY);
        Span totals = new Span("Outstanding " + money(CollectionFields.OUTSTANDING) + " · overdue "
                + money(CollectionFields.OVERDUE) + " · total " + money(CollectionFields.TOTAL_AMOUNT)
                + (currency.isEmpty() ? "" : " " + currency)
                + collection.date(CollectionFields.NEXT_DUE).map(d -> " · next due " + d).orElse(""));
        totals.setId("collection-obligations-totals");
        add(editor, totals);
    }

    private String money(String field) {
        return collection.decimal(field).map(java.math.BigDecimal::toPlainString).orElse("0.00");
    }

    @Override
    public void attach(RecordForm form) {
        if (editor.isReadOnly()) {
            return;
        }
        Button save = new Button("Save obligations", e -> {
            try {
                receivables.saveObligations(collection.id(), editor.getObligations());
                // the totals changed the collection's version: the form opens again with them
                form.closeChanged();
                Notification.show("Obligations saved", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                kit.form(CollectionFields.RECORD_TYPE, CollectionFields.RECORD_TYPE,
                        new RecordRow(collection.id(), 0, Map.of()), () -> { }).open();
            } catch (ValidationException ex) {
                editor.showErrors(ex);
                if (ex.errors().stream().noneMatch(err -> err.field().startsWith("obligations["))) {
                    error(ex.getMessage());
                }
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
        });
        save.setId(form.idPrefix() + "-obligations-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add(save);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** @return the panel for a collection the user sees */
    static Optional<ObligationsPanel> of(Receivables receivables, RecordKit kit, AccessControl access,
            long collectionId) {
        return kit.records().get(CollectionFields.RECORD_TYPE, collectionId)
                .map(c -> new ObligationsPanel(receivables, kit, access, c));
    }
}
