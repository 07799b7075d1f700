package org.tesseracrm.email.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Administration &gt; E-mail templates: the templates the user may use (their own and the shared ones), a dialog to
 * write one with merge fields, files and a preview merged with a chosen record, and delete.
 */
public class TemplatesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MailTemplates templates;
    private final transient RecordTypes types;
    private final transient Records records;
    private final transient AccessControl access;
    private final Grid<MailTemplate> grid = new Grid<>();

    /**
     * @param templates the service, which checks permissions
     * @param types the installed record types
     * @param records the records a preview may be merged with
     * @param access whether the user may manage shared templates
     */
    public TemplatesView(MailTemplates templates, RecordTypes types, Records records, AccessControl access) {
        this.templates = templates;
        this.types = types;
        this.records = records;
        this.access = access;
        setId("email-templates-view");
        Button create = new Button("New template", e -> edit(Optional.empty()));
        create.setId("email-template-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("email-templates-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(MailTemplate::name).setHeader("Name").setFlexGrow(1).setSortable(true);
        grid.addColumn(t -> t.recordType().isBlank() ? "Any (user fields only)"
                : types.find(t.recordType()).map(r -> r.pluralLabel()).orElse(t.recordType())).setHeader("Record type")
                .setAutoWidth(true);
        grid.addColumn(MailTemplate::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(t -> t.owner() == null ? "Shared" : "Mine").setHeader("Kept by").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(new H2("E-mail templates"), new Paragraph("Templates merge a record's fields into a mail: write $[Contacts.First Name] "
                + "for a field, $[Contacts.First Name|there] for a fallback when it is empty, $[User.Signature] for your "
                + "signature. Shared templates are offered to every user (they need the permission \"manage shared e-mail "
                + "templates\"); your own only to you."), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(templates.list(null));
    }

    private HorizontalLayout actions(MailTemplate template) {
        boolean mayChange = template.owner() != null || access.permitted(MailTemplates.MANAGE);
        Button edit = new Button(mayChange ? "Edit" : "Open", e -> edit(Optional.of(template)));
        edit.setId("email-template-edit-" + template.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button("Delete", e -> confirmDelete(template));
        delete.setId("email-template-delete-" + template.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.setVisible(mayChange);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(Optional<MailTemplate> template) {
        try {
            Optional<MailTemplate> fresh = template.map(t -> templates.get(t.id()));
            boolean mayShare = access.permitted(MailTemplates.MANAGE);
            boolean maySend = access.permitted(MailAccounts.SEND);
            new TemplateEditor(templates, types, records, fresh, mayShare, maySend, this::refresh).open();
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    private void confirmDelete(MailTemplate template) {
        ConfirmDialog confirm = new ConfirmDialog("Delete template", "Delete the template \"" + template.name()
                + "\" and its files? Mail already sent with it stays logged.", "Delete", e -> {
                    try {
                        templates.delete(template.id());
                        Notification.show("Template deleted.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (CrmException ex) {
                        error(ex.getMessage());
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("email-template-delete-confirm");
        confirm.open();
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
