package org.tesseracrm.kernel.ui.kit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.PickListValue;
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
    private final Map<String, Input> inputs = new LinkedHashMap<>();

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
                Input input = input(field, () -> customFields.pickList(recordType, field.name()));
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
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (input.component() instanceof HasValidation validation) {
                fields.put(name, validation);
            }
        });
        return fields;
    }

    /** Shows a validation error of the custom values next to their fields. */
    public void show(ValidationException e) {
        FieldErrors.show(e, fieldsForErrors());
    }

    /** One input, how it shows a value and how it gives back text the service parses. */
    private record Input(AbstractField<?, ?> component, Consumer<Object> show,
            Supplier<String> text) {
    }

    private static Input input(FieldDefinition field, Supplier<List<PickListValue>> pickList) {
        String label = field.label() + (field.required() ? " *" : "");
        return switch (field.type()) {
            case LONG_TEXT -> text(new TextArea(label), TextArea::setValue, TextArea::getValue);
            case DATE -> {
                DatePicker picker = new DatePicker(label);
                yield new Input(picker, v -> picker.setValue((LocalDate) v),
                        () -> picker.getValue() == null ? "" : picker.getValue().toString());
            }
            case DATE_TIME -> {
                DateTimePicker picker = new DateTimePicker(label);
                yield new Input(picker, v -> picker.setValue((LocalDateTime) v),
                        () -> picker.getValue() == null ? "" : RecordRow.format(picker.getValue()));
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label);
                yield new Input(box, v -> box.setValue(Boolean.TRUE.equals(v)), () -> box.getValue() ? "Yes" : "No");
            }
            case PICKLIST -> {
                ComboBox<String> box = new ComboBox<>(label);
                yield new Input(box, v -> {
                    List<PickListValue> values = pickList.get();
                    box.setItems(offered(values, v == null ? List.of() : List.of((String) v)));
                    box.setValue(v != null ? (String) v : values.stream().filter(PickListValue::isDefault)
                            .map(PickListValue::value).findFirst().orElse(null));
                }, () -> box.getValue() == null ? "" : box.getValue());
            }
            case MULTI_PICKLIST -> {
                MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
                yield new Input(box, v -> {
                    List<String> current = v == null ? List.of() : ((List<?>) v).stream().map(String::valueOf).toList();
                    box.setItems(offered(pickList.get(), current));
                    box.setValue(new LinkedHashSet<>(current));
                }, () -> RecordRow.format(List.copyOf(box.getSelectedItems())));
            }
            default -> {
                TextField input = new TextField(label);
                if (field.maxLength() > 0) {
                    input.setMaxLength(field.maxLength());
                }
                yield text(input, TextField::setValue, TextField::getValue);
            }
        };
    }

    private static <F extends AbstractField<?, ?>> Input text(F input, BiConsumer<F, String> set,
            Function<F, String> get) {
        return new Input(input, v -> set.accept(input, RecordRow.format(v)), () -> get.apply(input));
    }

    /** Active values, plus the ones the record already holds even if they are inactive now. */
    private static List<String> offered(List<PickListValue> values, List<String> held) {
        Set<String> offered = new LinkedHashSet<>();
        values.stream().filter(v -> v.active() || held.contains(v.value())).forEach(v -> offered.add(v.value()));
        offered.addAll(held);
        return List.copyOf(offered);
    }
}
