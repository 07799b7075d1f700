package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.internal.shared.AuditChanges;

/**
 * The form of one record of any type: every field the user works with (predefined and custom, lookups
 * with type-ahead), the owner, and for a saved record its related lists, notes, attachments and
 * history, and the panels other modules contribute ({@link RecordPanel}; one that is a {@link FormPart} may add
 * buttons and a banner and show the record read-only); Save, Clone and Delete (with confirmation) as the user's
 * permissions allow. Messages about
 * a field show next to it and nothing is saved until they are fixed. The services check permissions
 * and rules again; the form only hides what they would refuse. Made by {@link RecordKit#form}.
 *
 * <p>Element ids start with the given prefix: {@code <prefix>-form}, {@code -<field name>} for each
 * input, {@code -owner}, {@code -save}, {@code -clone}, {@code -delete}, {@code -delete-confirm},
 * {@code -history-panel}, {@code -history}, {@code -related-<record type>-<field>} for each related
 * list, and those of {@link NotesPanel} and {@link AttachmentsPanel}.
 *
 * <p>A lookup the user may change has a New… button ({@code -<field>-new}) when the user may create records of the
 * looked-up type: it opens that type's form, with the element id prefix {@code <prefix>-<field>-new}, over this one,
 * and the record saved there becomes the lookup's value ({@link InlineCreate}).
 */
public class RecordForm extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordForm.class);

    private final transient RecordKit kit;
    private final transient Records records;
    private final transient RecordType type;
    private final String prefix;
    private final RecordRow existing;
    private final Runnable onChange;
    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private final Map<String, String> shown = new LinkedHashMap<>();
    private final ComboBox<String> owner = new ComboBox<>("Owner");
    private final Div duplicates = new Div();
    private final List<FormPart> parts = new ArrayList<>();
    private final List<Button> creates = new ArrayList<>();
    private transient Consumer<RecordRef> chosen;
    private Button save;
    private Button cancel;
    private Button merge;
    private boolean duplicatesSeen;

    RecordForm(RecordKit kit, RecordType type, String prefix, RecordRow record, Runnable onChange) {
        this.kit = kit;
        this.records = kit.records();
        this.type = type;
        this.prefix = prefix;
        this.onChange = onChange;
        this.existing = record == null ? null : records.get(type.id(), record.id()).orElseThrow(
                () -> new org.tesseracrm.kernel.api.NotFoundException(type.label(), record.id()));
        AccessControl access = kit.access();
        String module = type.moduleId();
        boolean mayWrite = access.permitted(module + (existing == null ? ".create" : ".edit"));
        setId(prefix + "-form");
        setHeaderTitle(existing == null ? "New " + type.label().toLowerCase(java.util.Locale.ROOT) : type.title(existing));
        setWidth("min(60em, 95vw)");

        FormLayout form = new FormLayout();
        for (FieldDefinition field : kit.fields(type.id())) {
            // a field the module sets is shown on a saved record, never typed
            boolean byModule = type.setByModule(field.name());
            if (FieldInput.settable(field) && !(byModule && existing == null)) {
                FieldInput input = FieldInput.of(field, () -> kit.customFields().pickList(type.id(), field.name()),
                        records);
                input.component().setId(prefix + "-" + field.name());
                input.component().setReadOnly(!mayWrite || byModule);
                if (input.component() instanceof HasHelper helped) {
                    type.fieldHint(field.name()).ifPresent(helped::setHelperText);
                }
                input.show().accept(existing == null ? type.defaultValue(field.name()).orElse(null)
                        : existing.values().get(field.name()));
                shown.put(field.name(), input.text().get());
                inputs.put(field.name(), input);
                form.add(withCreate(field, input, mayWrite && !byModule));
            }
        }
        if (existing != null) {
            String current = String.valueOf(existing.values().get("owner"));
            List<String> assignable = mayWrite ? access.assignableUsers() : List.of(current);
            owner.setId(prefix + "-owner");
            owner.setItems(Stream.concat(assignable.stream(), Stream.of(current)).distinct().sorted().toList());
            owner.setValue(current);
            owner.setHelperText("You can hand records to users at or below your role.");
            owner.setReadOnly(!mayWrite);
            form.add(owner);
        }
        duplicates.setId(prefix + "-duplicates");
        duplicates.setVisible(false);
        duplicates.getElement().getThemeList().add("badge warning");
        duplicates.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)");
        add(duplicates, form);
        if (existing != null) {
            kit.referencing(type.id()).forEach(ref -> add(new RelatedList(kit, ref.getKey(), ref.getValue(),
                    existing.id(), prefix)));
            String me = kit.callers().current().map(c -> c.username()).orElse("");
            List<String> outcomes = kit.typifications().options(type.id());
            if (!outcomes.isEmpty()) {
                add(new OutcomesPanel(kit.typifications(), access, type, existing.id(), prefix, outcomes));
            }
            addPanels(kit, existing);
            add(new NotesPanel(kit.notes(), access, type, existing.id(), prefix, me));
            add(new AttachmentsPanel(kit.attachments(), access, kit.callers(), type, existing.id(), prefix, me));
            add(history(kit.audit().history(type.id(), existing.id())));
        }

        save = new Button("Save", e -> save());
        save.setId(prefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayWrite);
        cancel = new Button(mayWrite ? "Cancel" : "Close", e -> close());
        getFooter().add(cancel, save);
        if (existing != null && access.permitted(module + ".create") && type.ids().isPresent()) {
            Button copy = new Button("Clone", e -> openClone());
            copy.setId(prefix + "-clone");
            copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(copy);
        }
        if (existing != null && access.permitted(module + ".edit") && access.permitted(module + ".delete")) {
            merge = new Button("Merge…", e -> {
                close();
                new MergeDialog(kit, type, existing, onChange).open();
            });
            merge.setId(prefix + "-merge");
            merge.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(merge);
        }
        if (existing != null && access.permitted(module + ".delete")) {
            Button delete = new Button("Delete", e -> confirmDelete());
            delete.setId(prefix + "-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(delete);
        }
        parts.forEach(this::attach);
    }

    /** @return the field's input, or for a lookup the user may fill with a new record the input and its New… */
    private Component withCreate(FieldDefinition field, FieldInput input, boolean writable) {
        if (field.type() != FieldType.LOOKUP
                || !InlineCreate.offered(writable, kit.type(field.lookupType().orElseThrow()), kit.access())) {
            return input.component();
        }
        Button create = InlineCreate.button(kit, prefix, field, input);
        creates.add(create);
        return InlineCreate.beside(input.component(), create);
    }

    /**
     * Makes this form of a new record one that picks what it saves for another form's lookup: once saved, the
     * record goes to {@code chosen} (with its title); a duplicate the form warns about can be chosen instead.
     *
     * @return this form
     */
    RecordForm choosing(Consumer<RecordRef> chosen) {
        this.chosen = chosen;
        return this;
    }

    /** Lets a panel that is a {@link FormPart} act on the form; one that fails is logged and left out. */
    private void attach(FormPart part) {
        try {
            part.attach(this);
        } catch (RuntimeException e) {
            LOG.error("A form part of {} failed", type.id(), e);
        }
    }

    /**
     * Adds a module's button to the footer, before Cancel (for {@link FormPart}s).
     *
     * @param action the button, with an id of its own (by convention {@code <prefix>-<action>})
     * @since kit 1.2
     */
    public void addAction(Component action) {
        getFooter().addComponentAtIndex(cancel.getElement().getParent().indexOfChild(cancel.getElement()), action);
    }

    /**
     * Shows a component above the fields, e.g. a banner saying what became of the record (for {@link FormPart}s).
     *
     * @param banner the component
     * @since kit 1.2
     */
    public void addBanner(Component banner) {
        addComponentAsFirst(banner);
    }

    /**
     * Shows the record without letting the user change it: every input and the owner read-only, no Save and no
     * Merge (for {@link FormPart}s; the module's service refuses the changes as well).
     *
     * @since kit 1.2
     */
    public void showReadOnly() {
        inputs.values().forEach(input -> input.component().setReadOnly(true));
        owner.setReadOnly(true);
        creates.forEach(create -> create.setVisible(false));
        save.setVisible(false);
        if (merge != null) {
            merge.setVisible(false);
        }
        cancel.setText("Close");
    }

    /**
     * @return the record the form shows, as it read it; empty for a new record
     * @since kit 1.2
     */
    public Optional<RecordRow> record() {
        return Optional.ofNullable(existing);
    }

    /**
     * @return the prefix of the form's element ids, e.g. {@code lead}
     * @since kit 1.2
     */
    public String idPrefix() {
        return prefix;
    }

    /**
     * Closes the form and runs what its opener asked for after a change (typically refreshing the list), for a
     * {@link FormPart} whose action changed the record.
     *
     * @since kit 1.2
     */
    public void closeChanged() {
        close();
        onChange.run();
    }

    /**
     * Adds the panels other modules contribute to forms of this type; the kit leaves out one that fails. Those that
     * are {@link FormPart}s act on the form once it is built.
     */
    private void addPanels(RecordKit kit, RecordRow record) {
        for (Component panel : kit.panels(type.id(), record.id(), type.title(record))) {
            add(panel);
            if (panel instanceof FormPart part) {
                parts.add(part);
            }
        }
    }

    /**
     * Opens a new record's form holding what this one shows, except e-mail addresses (they name one
     * person or mailbox, so a copy would be a duplicate) and pick-list values the module sets (a converted lead's
     * status: the copy starts with the new form's value).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void openClone() {
        RecordForm clone = new RecordForm(kit, type, prefix, null, onChange);
        clone.setHeaderTitle("New " + type.label().toLowerCase(java.util.Locale.ROOT) + " (copy of "
                + type.title(existing) + ")");
        kit.fields(type.id()).stream().filter(f -> inputs.containsKey(f.name()) && clone.inputs.containsKey(f.name())
                && f.type() != FieldType.EMAIL
                && !(inputs.get(f.name()).component().getValue() instanceof String value
                        && type.moduleValues(f.name()).contains(value)))
                .forEach(f -> ((AbstractField) clone.inputs.get(f.name()).component())
                        .setValue(inputs.get(f.name()).component().getValue()));
        close();
        clone.open();
    }

    private void save() {
        Map<String, ? extends com.vaadin.flow.component.HasValidation> errors = FieldInput.validations(inputs);
        FieldErrors.clear(errors);
        RecordValues.Builder entered = RecordValues.builder();
        inputs.forEach((name, input) -> {
            String text = input.text().get();
            // A new record gets every value (a pick-list's default too); a saved one only what the user
            // changed, so its history shows just that.
            if (existing == null ? !text.isBlank() : !text.equals(shown.get(name))) {
                input.write().accept(entered, name);
            }
        });
        RecordValues values = entered.build();
        if (existing == null && !duplicatesSeen) {
            List<RecordRef> found = records.duplicates(type.id(), values, 0);
            if (!found.isEmpty()) {
                warnDuplicates(found);
                return;
            }
        }
        try {
            RecordRow saved;
            if (existing == null) {
                saved = records.create(type.id(), values);
                if (chosen != null) {
                    chosen.accept(new RecordRef(type.id(), saved.id(), type.title(saved)));
                }
            } else {
                saved = values.isEmpty() ? existing : records.update(type.id(), existing.id(), existing.version(), values);
                if (owner.getValue() != null && !owner.getValue().equals(saved.values().get("owner"))) {
                    records.assign(type.id(), RecordSelection.of(List.of(saved.id())), owner.getValue());
                }
            }
            close();
            onChange.run();
            Notification.show("Saved " + type.title(saved) + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            FieldErrors.show(e, errors);
        }
    }

    /**
     * Says the new record may already exist, with a link to each match (which, in a form {@link #choosing} a
     * lookup's record, chooses the match instead); a second Save (or Save anyway) creates it all the same.
     */
    private void warnDuplicates(List<RecordRef> found) {
        duplicatesSeen = true;
        duplicates.removeAll();
        duplicates.add(new Span("This " + type.label().toLowerCase(java.util.Locale.ROOT) + " may already exist"
                + (chosen == null ? ": " : " (choose it instead): ")));
        for (RecordRef ref : found) {
            Button open = new Button(ref.title(), e -> {
                close();
                if (chosen != null) {
                    chosen.accept(ref);
                } else {
                    kit.form(type.id(), prefix, new RecordRow(ref.id(), 0, Map.of()), onChange).open();
                }
            });
            open.addClassName(prefix + "-duplicate");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            duplicates.add(open, new Span(" "));
        }
        Button anyway = new Button("Save anyway", e -> save());
        anyway.setId(prefix + "-save-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_SMALL);
        duplicates.add(anyway);
        duplicates.setVisible(true);
    }

    private void confirmDelete() {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete " + type.title(existing) + "?");
        confirm.add(new Paragraph("The " + type.label().toLowerCase(java.util.Locale.ROOT)
                + " will be removed for everyone. This cannot be undone."));
        Button delete = new Button("Delete", e -> {
            records.delete(type.id(), RecordSelection.of(List.of(existing.id())));
            confirm.close();
            close();
            onChange.run();
            Notification.show("Deleted " + type.title(existing) + ".");
        });
        delete.setId(prefix + "-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Keep it", e -> confirm.close()), delete);
        confirm.open();
    }

    private Details history(List<AuditEntry> entries) {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId(prefix + "-history");
        LocalTimes times = LocalTimes.current();
        grid.addColumn(e -> times.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditChanges.renderer()).setHeader("Changes (old → new)").setWidth("16rem").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // the changes are the point: show them whole
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        Details details = new Details("History (" + entries.size() + ")", grid);
        details.setId(prefix + "-history-panel");
        details.setWidthFull();
        return details;
    }
}
