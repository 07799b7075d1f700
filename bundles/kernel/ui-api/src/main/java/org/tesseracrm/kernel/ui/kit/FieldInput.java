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
import java.util.stream.Stream;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * One input for a field of any type: the component, how it shows a value, the entered value as text (to
 * see what changed, and for a bulk update) and how it writes the value into {@link RecordValues}. Forms,
 * inline edit and bulk update all use it, so a field is entered the same way everywhere.
 *
 * <p>Values are written typed, converted here at the edge: a date-time from the picker's local time to
 * UTC with {@link LocalTimes}, a lookup as the chosen record. Only a number stays the text the user typed,
 * for the platform to parse with the same rules and messages as an import.
 *
 * @param component the input
 * @param show shows a typed value (as in {@link RecordRow}); null for none, a pick-list's default
 * @param text the entered value as text; blank for none
 * @param write puts the entered value into values under the given field name
 */
record FieldInput(AbstractField<?, ?> component, Consumer<Object> show, Supplier<String> text,
        BiConsumer<RecordValues.Builder, String> write) {
    /**
     * @param field a field of a record type
     * @return whether users type its value in a form, a list cell or a bulk update: what an import may set,
     *     except the owner, which is handed over rather than typed
     */
    static boolean settable(FieldDefinition field) {
        return field.importable() && !"OWNER".equals(field.column());
    }

    /**
     * @param inputs inputs by field name
     * @return those that can show an error, by field name, for {@link FieldErrors}
     */
    static Map<String, HasValidation> validations(Map<String, FieldInput> inputs) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (input.component() instanceof HasValidation validation) {
                fields.put(name, validation);
            }
        });
        return fields;
    }

    /**
     * @param field a field
     * @param pickList its pick-list values, read when a value is shown
     * @param records looks up the records a lookup field offers
     * @return an input fitting the field's type, labelled with the field's label (and * if required)
     */
    static FieldInput of(FieldDefinition field, Supplier<List<PickListValue>> pickList, Records records) {
        String label = field.label() + (field.required() ? " *" : "");
        return switch (field.type()) {
            case LONG_TEXT -> text(new TextArea(label), TextArea::setValue, TextArea::getValue, false);
            case DATE -> {
                DatePicker picker = new DatePicker(label);
                yield new FieldInput(picker, v -> picker.setValue((LocalDate) v),
                        () -> picker.getValue() == null ? "" : picker.getValue().toString(),
                        (values, name) -> values.setValue(name, picker.getValue()));
            }
            case DATE_TIME -> {
                // the picker holds the user's local time; records hold UTC
                DateTimePicker picker = new DateTimePicker(label);
                LocalTimes times = LocalTimes.current();
                yield new FieldInput(picker, v -> picker.setValue(v == null ? null : times.toLocal((LocalDateTime) v)),
                        () -> picker.getValue() == null ? "" : RecordRow.format(times.toUtc(picker.getValue())),
                        (values, name) -> values.setValue(name, times.toUtc(picker.getValue())));
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label);
                yield new FieldInput(box, v -> box.setValue(Boolean.TRUE.equals(v)), () -> box.getValue() ? "Yes" : "No",
                        (values, name) -> values.set(name, box.getValue()));
            }
            case PICKLIST -> {
                ComboBox<String> box = new ComboBox<>(label);
                yield new FieldInput(box, v -> {
                    List<PickListValue> values = pickList.get();
                    box.setItems(offered(values, v == null ? List.of() : List.of((String) v)));
                    box.setValue(v != null ? (String) v : values.stream().filter(PickListValue::isDefault)
                            .map(PickListValue::value).findFirst().orElse(null));
                }, () -> box.getValue() == null ? "" : box.getValue(), (values, name) -> values.setValue(name, box.getValue()));
            }
            case MULTI_PICKLIST -> {
                MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
                yield new FieldInput(box, v -> {
                    List<String> current = v == null ? List.of() : ((List<?>) v).stream().map(String::valueOf).toList();
                    box.setItems(offered(pickList.get(), current));
                    box.setValue(new LinkedHashSet<>(current));
                }, () -> RecordRow.format(List.copyOf(box.getSelectedItems())),
                        (values, name) -> values.set(name, List.copyOf(box.getSelectedItems())));
            }
            case LOOKUP -> lookup(label, field.lookupType().orElseThrow(), records);
            default -> {
                TextField input = new TextField(label);
                if (field.maxLength() > 0) {
                    input.setMaxLength(field.maxLength());
                }
                yield text(input, TextField::setValue, TextField::getValue, field.type() == FieldType.NUMBER
                        || field.type() == FieldType.MONEY);
            }
        };
    }

    /** @param parsed whether the text is for the platform to parse (a number) rather than the value itself */
    private static <F extends AbstractField<?, ?>> FieldInput text(F input, BiConsumer<F, String> set,
            Function<F, String> get, boolean parsed) {
        return new FieldInput(input, v -> set.accept(input, RecordRow.format(v)), () -> get.apply(input),
                parsed ? (values, name) -> values.text(name, get.apply(input))
                        : (values, name) -> values.set(name, get.apply(input)));
    }

    /**
     * A combo box that offers, as the user types, the records of the looked-up type they see (searched
     * like a list's search box); it holds the chosen record and gives back its id.
     */
    private static FieldInput lookup(String label, String target, Records records) {
        ComboBox<RecordRef> box = new ComboBox<>(label);
        box.setItemLabelGenerator(RecordRef::title);
        box.setItems(query -> {
            int offset = query.getOffset();
            try {
                return records.lookup(target, query.getFilter().orElse(""), offset + query.getLimit()).stream()
                        .skip(offset);
            } catch (PermissionDeniedException e) {
                return Stream.empty(); // the user may not see those records: nothing to offer
            }
        });
        return new FieldInput(box, v -> box.setValue(v == null ? null : ref(records, target, (Long) v)),
                () -> box.getValue() == null ? "" : String.valueOf(box.getValue().id()),
                (values, name) -> values.setValue(name, box.getValue()));
    }

    /** @return the record named by its title, or neutrally ("Company #12") if the user may not see it */
    private static RecordRef ref(Records records, String target, long id) {
        return new RecordRef(target, id, records.shownTitles(target, List.of(id)).getOrDefault(id, "#" + id));
    }

    /** Active values, plus the ones the record already holds even if they are inactive now. */
    private static List<String> offered(List<PickListValue> values, List<String> held) {
        Set<String> offered = new LinkedHashSet<>();
        values.stream().filter(v -> v.active() || held.contains(v.value())).forEach(v -> offered.add(v.value()));
        offered.addAll(held);
        return List.copyOf(offered);
    }
}
