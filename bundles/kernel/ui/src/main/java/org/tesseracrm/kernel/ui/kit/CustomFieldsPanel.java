package org.tesseracrm.kernel.ui.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * The custom fields of a record form: one input per custom field of the record type, in the order
 * admins added them. A module's form adds this panel, checks it before saving its own fields and
 * saves it right after, with the version its own save returned.
 */
public class CustomFieldsPanel extends FormLayout {
    private static final long serialVersionUID = 1L;

    private final transient Records records;
    private final String recordType;
    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();

    /**
     * @param records the record platform
     * @param customFields the record type's fields
     * @param recordType the record type id
     */
    public CustomFieldsPanel(Records records, CustomFields customFields, String recordType) {
        this.records = records;
        this.recordType = recordType;
        for (FieldDefinition field : customFields.fields(recordType)) {
            if (field.custom()) {
                FieldInput input = FieldInput.of(field, () -> customFields.pickList(recordType, field.name()));
                input.component().setId("cf-" + field.name());
                inputs.put(field.name(), input);
                add(input.component());
            }
        }
    }

    /** @return true if the record type has no custom fields */
    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    /** Shows a record's values; null for a new record (pick-lists show their default). */
    public void read(RecordRow row) {
        inputs.forEach((name, input) -> input.show().accept(row == null ? null : row.values().get(name)));
    }

    /** @return the entered values as text, by field name, for {@link Records#update} */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        inputs.forEach((name, input) -> values.put(name, input.text().get()));
        return values;
    }

    /** Checks the entered values without saving; shows problems on the fields. */
    public void check() {
        if (!inputs.isEmpty()) {
            records.checkCustomValues(recordType, values());
        }
    }

    /**
     * Saves the entered values on a record.
     *
     * @param id the record id
     * @param version the record's version after the module saved its own fields
     * @return the record after the save
     */
    public RecordRow save(long id, long version) {
        return records.update(recordType, id, version, values());
    }

    /** @return the inputs by field name, for {@link FieldErrors} */
    public Map<String, HasValidation> fieldsForErrors() {
        return FieldInput.validations(inputs);
    }

    /** Shows a validation error of the custom values next to their fields. */
    public void show(ValidationException e) {
        FieldErrors.show(e, fieldsForErrors());
    }
}
