package org.tesseracrm.kernel.ui.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Merges another record into the one a form shows: the user picks the other record (its possible
 * duplicates are offered first), then, for each field where the two differ, which value the surviving
 * record keeps. Everything pointing at the other record moves to this one, and the other is deleted.
 *
 * <p>Element ids: {@code merge-other}, {@code merge-<field name>} (a choice per differing field, "keep"
 * or "take"), {@code merge-confirm}.
 */
final class MergeDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final String KEEP = "keep";
    private static final String TAKE = "take";

    private final transient RecordKit kit;
    private final transient Records records;
    private final transient RecordType type;
    private final RecordRow survivor;
    private final Runnable onMerged;
    private final FormLayout choices = new FormLayout();
    private final Map<String, RadioButtonGroup<String>> picks = new LinkedHashMap<>();
    private RecordRow other;

    MergeDialog(RecordKit kit, RecordType type, RecordRow survivor, Runnable onMerged) {
        this.kit = kit;
        this.records = kit.records();
        this.type = type;
        this.survivor = survivor;
        this.onMerged = onMerged;
        setHeaderTitle("Merge into " + type.title(survivor));
        setWidth("min(50em, 95vw)");

        RecordValues.Builder own = RecordValues.builder();
        type.duplicateFields().forEach(name -> own.setValue(name, survivor.values().get(name)));
        List<RecordRef> likely = records.duplicates(type.id(), own.build(), survivor.id());
        ComboBox<RecordRef> pick = new ComboBox<>("Merge with");
        pick.setId("merge-other");
        pick.setItemLabelGenerator(ref -> ref.title() + " (#" + ref.id() + ")");
        pick.setItems(query -> {
            String typed = query.getFilter().orElse("");
            int wanted = query.getOffset() + query.getLimit();
            List<RecordRef> found = typed.isBlank() && !likely.isEmpty() ? likely : records.lookup(type.id(), typed, wanted + 1);
            return found.stream().filter(ref -> ref.id() != survivor.id()).skip(query.getOffset()).limit(query.getLimit());
        });
        pick.setWidthFull();
        pick.setHelperText(likely.isEmpty() ? "Type to find the other " + label() + "."
                : "Possible duplicates are listed first.");
        pick.addValueChangeListener(e -> compare(e.getValue()));
        Paragraph explain = new Paragraph("The other " + label() + " is deleted; its links, notes and files move to "
                + type.title(survivor) + ". This cannot be undone.");
        add(pick, explain, choices);

        Button merge = new Button("Merge", e -> merge());
        merge.setId("merge-confirm");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        merge.setEnabled(false);
        pick.addValueChangeListener(e -> merge.setEnabled(e.getValue() != null));
        getFooter().add(new Button("Cancel", e -> close()), merge);
    }

    private String label() {
        return type.label().toLowerCase(java.util.Locale.ROOT);
    }

    /** Offers a choice for each field where the two records differ, keeping this record's value by default. */
    private void compare(RecordRef ref) {
        choices.removeAll();
        picks.clear();
        other = ref == null ? null : records.get(type.id(), ref.id()).orElse(null);
        if (other == null) {
            return;
        }
        LookupTitles titles = new LookupTitles(records);
        List<FieldDefinition> fields = kit.fields(type.id());
        titles.load(fields, List.of(survivor, other));
        for (FieldDefinition field : fields) {
            String mine = survivor.text(field.name());
            String theirs = other.text(field.name());
            if (!kit.settable(type.id(), field) || mine.equals(theirs)) {
                continue;
            }
            RadioButtonGroup<String> choice = new RadioButtonGroup<>(field.label());
            choice.setId("merge-" + field.name());
            choice.setItems(KEEP, TAKE);
            choice.setItemLabelGenerator(v -> shown(KEEP.equals(v) ? titles.text(field, survivor) : titles.text(field, other)));
            choice.setValue(mine.isEmpty() ? TAKE : KEEP);
            picks.put(field.name(), choice);
            choices.add(choice);
        }
        if (picks.isEmpty()) {
            choices.add(new Paragraph("Both have the same values."));
        }
    }

    private static String shown(String text) {
        return text.isEmpty() ? "(empty)" : text;
    }

    private void merge() {
        RecordValues.Builder taken = RecordValues.builder();
        picks.forEach((name, choice) -> {
            if (TAKE.equals(choice.getValue())) {
                taken.setValue(name, other.values().get(name)); // as it is stored: nothing to format and parse back
            }
        });
        try {
            RecordRow merged = records.merge(type.id(), survivor.id(), survivor.version(), other.id(), taken.build());
            close();
            onMerged.run();
            Notification.show("Merged " + type.title(other) + " into " + type.title(merged) + ".")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            String message = String.join(" ", e.errors().stream().map(error -> error.message()).toList());
            Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
