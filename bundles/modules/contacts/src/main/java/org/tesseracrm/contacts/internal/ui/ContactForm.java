package org.tesseracrm.contacts.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.CustomFieldsPanel;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Create, edit, clone, reassign or delete one contact, and read its history. A clone is a new
 * contact's form filled with the original's values (and custom values) except the e-mail, which
 * names one person. The service validates and
 * checks permissions; the form only hides what the user's profile would not allow. Field messages
 * show next to the fields and nothing is saved until they are fixed.
 */
class ContactForm extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final transient ContactService contacts;
    private final ContactData existing;
    private final Runnable onChange;
    private final TextField firstName = field("firstName", "First name");
    private final TextField lastName = field("lastName", "Last name");
    private final TextField email = field("email", "E-mail");
    private final TextField phone = field("phone", "Phone");
    private final TextField companyName = field("companyName", "Company");
    private final ComboBox<String> owner = new ComboBox<>("Owner");
    private final Map<String, TextField> fields = Map.of("firstName", firstName, "lastName", lastName,
            "email", email, "phone", phone, "companyName", companyName);
    private final CustomFieldsPanel custom;

    ContactForm(ContactService contacts, AccessControl access, AuditTrail audit, CustomFieldsPanel custom,
            ContactData existing, Runnable onChange) {
        this.contacts = contacts;
        this.existing = existing;
        this.onChange = onChange;
        this.custom = custom;
        setId("contact-form");
        setHeaderTitle(existing == null ? "New contact" : existing.fullName());
        lastName.setRequiredIndicatorVisible(true);
        FormLayout form = new FormLayout(firstName, lastName, email, phone, companyName);
        boolean mayWrite = access.permitted(existing == null ? ContactsModule.CREATE : ContactsModule.EDIT);
        if (existing != null) {
            fill(existing.input());
            owner.setId("contact-owner");
            List<String> assignable = mayWrite ? access.assignableUsers() : List.of(existing.owner());
            owner.setItems(assignable.contains(existing.owner()) ? assignable
                    : concat(assignable, existing.owner()));
            owner.setValue(existing.owner());
            owner.setHelperText("You can hand contacts to users at or below your role.");
            owner.setReadOnly(!mayWrite);
            form.add(owner);
        }
        fields.values().forEach(f -> f.setReadOnly(!mayWrite));
        add(form);
        if (!custom.isEmpty()) {
            custom.setEnabled(mayWrite);
            add(custom);
        }
        if (existing != null) {
            add(history(audit.history(ContactService.RECORD_TYPE, existing.id())));
        }

        Button save = new Button("Save", e -> save());
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayWrite);
        Button cancel = new Button(mayWrite ? "Cancel" : "Close", e -> close());
        getFooter().add(cancel, save);
        if (existing != null && access.permitted(ContactsModule.CREATE)) {
            Button copy = new Button("Clone", e -> {
                // The custom fields panel moves to the new form with what it holds.
                ContactForm clone = new ContactForm(contacts, access, audit, custom, null, onChange);
                clone.setHeaderTitle("New contact (copy of " + existing.fullName() + ")");
                clone.fill(new ContactInput(firstName.getValue(), lastName.getValue(), "", phone.getValue(),
                        companyName.getValue()));
                close();
                clone.open();
            });
            copy.setId("contact-clone");
            copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(copy);
        }
        if (existing != null && access.permitted(ContactsModule.DELETE)) {
            Button delete = new Button("Delete", e -> confirmDelete());
            delete.setId("contact-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(delete);
        }
        lastName.focus();
    }

    private void fill(ContactInput values) {
        firstName.setValue(values.firstName());
        lastName.setValue(values.lastName());
        email.setValue(values.email());
        phone.setValue(values.phone());
        companyName.setValue(values.companyName());
    }

    private static Details history(List<AuditEntry> entries) {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("contact-history");
        grid.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditEntry::changesText).setHeader("Changes (old → new)").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // the changes are the point: show them whole
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        Details details = new Details("History (" + entries.size() + ")", grid);
        details.setId("contact-history-panel");
        details.setWidthFull();
        return details;
    }

    private void save() {
        FieldErrors.clear(fields);
        FieldErrors.clear(custom.fieldsForErrors());
        ContactInput input = new ContactInput(firstName.getValue(), lastName.getValue(), email.getValue(),
                phone.getValue(), companyName.getValue());
        try {
            custom.check();
        } catch (ValidationException e) {
            custom.show(e);
            return;
        }
        try {
            ContactData saved = existing == null ? contacts.create(input)
                    : contacts.update(existing.id(), existing.version(), input);
            if (existing != null && owner.getValue() != null && !owner.getValue().equals(saved.owner())) {
                saved = contacts.assign(saved.id(), saved.version(), owner.getValue());
            }
            if (!custom.isEmpty()) {
                custom.save(saved.id(), saved.version());
            }
            close();
            onChange.run();
            Notification.show("Saved " + saved.fullName() + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }

    private void confirmDelete() {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete " + existing.fullName() + "?");
        confirm.add(new Paragraph("The contact will be removed for everyone. This cannot be undone."));
        Button delete = new Button("Delete", e -> {
            contacts.delete(existing.id());
            confirm.close();
            close();
            onChange.run();
            Notification.show("Deleted " + existing.fullName() + ".");
        });
        delete.setId("contact-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Keep it", e -> confirm.close()), delete);
        confirm.open();
    }

    private static List<String> concat(List<String> users, String current) {
        return Stream.concat(users.stream(), Stream.of(current)).sorted().toList();
    }

    private static TextField field(String id, String label) {
        TextField field = new TextField(label);
        field.setId("contact-" + id);
        return field;
    }
}
