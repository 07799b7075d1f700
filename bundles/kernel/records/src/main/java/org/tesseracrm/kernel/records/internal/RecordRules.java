package org.tesseracrm.kernel.records.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The checks every record the platform writes passes, whether an import, an inline edit or a bulk
 * update wrote it: required fields filled, pick-list values active (or already the record's), and the
 * record type's own rules on the record as it would become.
 */
final class RecordRules {
    private RecordRules() {
    }

    /**
     * @param type the record type
     * @param values every settable field's value in the record as it would be written
     * @param existing the record before the change, or null for a new one
     * @param pickLists a pick-list field's values
     * @return one error per broken rule, by field name; empty if the record may be written
     */
    static List<FieldError> check(RecordType type, Map<FieldDefinition, Object> values, RecordRow existing,
            Function<FieldDefinition, List<PickListValue>> pickLists) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<FieldDefinition, Object> entry : values.entrySet()) {
            FieldDefinition field = entry.getKey();
            Object value = entry.getValue();
            if (value == null && field.required() && field.importable()) {
                errors.add(new FieldError(field.name(), field.label() + " is required."));
            } else {
                errors.addAll(pickListErrors(field, value, existing, pickLists));
            }
        }
        Map<String, Object> predefined = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (!field.custom() && value != null) {
                predefined.put(field.name(), value);
            }
        });
        for (FieldError error : type.check(predefined)) {
            if (!errors.contains(error)) { // the module's rules may repeat what the field definition said
                errors.add(error);
            }
        }
        return errors;
    }

    /**
     * @param field a field
     * @param value its new value
     * @param existing the record before the change, or null
     * @param pickLists a pick-list field's values
     * @return an error per value of a pick-list field that is neither active nor already the record's
     */
    static List<FieldError> pickListErrors(FieldDefinition field, Object value, RecordRow existing,
            Function<FieldDefinition, List<PickListValue>> pickLists) {
        if (value == null || (field.type() != FieldType.PICKLIST && field.type() != FieldType.MULTI_PICKLIST)) {
            return List.of();
        }
        List<PickListValue> pickList = pickLists.apply(field);
        String active = pickList.stream().filter(PickListValue::active).map(PickListValue::value)
                .collect(Collectors.joining(", "));
        return PickLists.refused(value, existing == null ? null : existing.values().get(field.name()), pickList).stream()
                .map(refused -> new FieldError(field.name(), "\"" + refused + "\" is not one of the values of "
                        + field.label() + " (" + active + ")."))
                .toList();
    }

    /**
     * @param fields all fields of the record type
     * @param existing a record
     * @param changes new values of some fields
     * @return every settable field's value once the changes are made
     */
    static Map<FieldDefinition, Object> merged(List<FieldDefinition> fields, RecordRow existing,
            Map<FieldDefinition, Object> changes) {
        Map<FieldDefinition, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            if (field.importable()) {
                values.put(field, changes.containsKey(field) ? changes.get(field) : existing.values().get(field.name()));
            }
        }
        return values;
    }
}
