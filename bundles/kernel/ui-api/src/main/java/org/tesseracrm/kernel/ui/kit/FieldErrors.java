package org.tesseracrm.kernel.ui.kit;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** Shows a service's {@link ValidationException} next to the fields it names. */
public final class FieldErrors {
    private FieldErrors() {
    }

    /** Clears earlier messages. */
    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /**
     * Marks each named field invalid with its message; messages for fields not on the form appear as
     * a notification.
     */
    public static void show(ValidationException e, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        StringBuilder other = new StringBuilder();
        for (FieldError error : e.errors()) {
            HasValidation field = fields.get(error.field());
            if (field == null) {
                other.append(other.length() == 0 ? "" : " ").append(error.message());
            } else {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
        if (other.length() > 0) {
            Notification.show(other.toString(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
