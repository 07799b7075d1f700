package org.tesseracrm.contacts.internal.ui;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * Create or edit one contact. The service validates; its field messages are shown next to the fields
 * and nothing is saved until they are fixed.
 */
class ContactForm extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient ContactService contacts;
    private final ContactData existing;
    private final Runnable onChange;
    private final TextField firstName = field("firstName", "First name");
    private final TextField lastName = field("lastName", "Last name");
    private final TextField email = field("email", "E-mail");
    private final TextField phone = field("phone", "Phone");
    private final TextField companyName = field("companyName", "Company");
    private final Map<String, TextField> fields = Map.of("firstName", firstName, "lastName", lastName,
            "email", email, "phone", phone, "companyName", companyName);

    ContactForm(ContactService contacts, ContactData existing, Runnable onChange) {
        this.contacts = contacts;
        this.existing = existing;
        this.onChange = onChange;
        setId("contact-form");
        setHeaderTitle(existing == null ? "New contact" : existing.fullName());
        lastName.setRequiredIndicatorVisible(true);
        FormLayout form = new FormLayout(firstName, lastName, email, phone, companyName);
        if (existing != null) {
            ContactInput values = existing.input();
            firstName.setValue(values.firstName());
            lastName.setValue(values.lastName());
            email.setValue(values.email());
            phone.setValue(values.phone());
            companyName.setValue(values.companyName());
            form.add(new Paragraph("Owner: " + existing.owner()));
        }
        add(form);

        Button save = new Button("Save", e -> save());
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        if (existing != null) {
            Button delete = new Button("Delete", e -> confirmDelete());
            delete.setId("contact-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(delete);
        }
        lastName.focus();
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        ContactInput input = new ContactInput(firstName.getValue(), lastName.getValue(), email.getValue(),
                phone.getValue(), companyName.getValue());
        try {
            ContactData saved = existing == null ? contacts.create(input)
                    : contacts.update(existing.id(), existing.version(), input);
            close();
            onChange.run();
            Notification.show("Saved " + saved.fullName() + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                TextField field = fields.get(error.field());
                if (field != null) {
                    field.setErrorMessage(error.message());
                    field.setInvalid(true);
                }
            }
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

    private static TextField field(String id, String label) {
        TextField field = new TextField(label);
        field.setId("contact-" + id);
        return field;
    }
}
