package org.tesseracrm.leads.internal.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.leads.api.LeadConversion;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The services the lead form's actions and dialogs use, handed down by the component that contributes them.
 *
 * @param conversion converts and discards
 * @param kit opens the forms of the records a lead became
 * @param fields fields and pick-lists of leads and of the types a conversion creates
 * @param types which of those types are installed
 * @param access hides what the user may not do (the services check again)
 */
record LeadServices(LeadConversion conversion, RecordKit kit, CustomFields fields, RecordTypes types,
        AccessControl access) {
    /** @return the record platform */
    Records records() {
        return kit.records();
    }

    /** @return the installed record type, if its module is installed */
    Optional<RecordType> type(String id) {
        return types.find(id);
    }

    /** @return the active values of a pick-list, in the admin's order; none if the type is not installed */
    List<String> activeValues(String recordType, String field) {
        try {
            return fields.pickList(recordType, field).stream().filter(PickListValue::active)
                    .map(PickListValue::value).toList();
        } catch (CrmException e) {
            return List.of(); // the module is gone or the user may not read its fields
        }
    }

    /** @return the default value of a pick-list, if it has an active one */
    Optional<String> defaultValue(String recordType, String field) {
        try {
            return fields.pickList(recordType, field).stream().filter(v -> v.active() && v.isDefault())
                    .map(PickListValue::value).findFirst();
        } catch (CrmException e) {
            return Optional.empty();
        }
    }

    /** @return the fields of a record type; none if it is not installed */
    List<FieldDefinition> fieldsOf(String recordType) {
        try {
            return fields.fields(recordType);
        } catch (CrmException e) {
            return List.of();
        }
    }

    /** @return the label of a field, or its name if the type has no such field (any more) */
    String label(String recordType, String field) {
        return fieldsOf(recordType).stream().filter(f -> f.name().equals(field)).map(FieldDefinition::label)
                .findFirst().orElse(field);
    }

    /** Opens the form of a record of any type, as the global search does. */
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
}
