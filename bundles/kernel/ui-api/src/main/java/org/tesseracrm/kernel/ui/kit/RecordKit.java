package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.internal.contrib.BulkActionRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.DecorationRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.PanelRegistry;

/**
 * Where a module's views get their record screens from: one service holding the record platform's
 * services and the bulk actions, row decorations and form panels other bundles contribute, so a view contribution
 * needs one reference instead of eight. The lists it makes offer what the user's permissions allow.
 *
 * <p>The record types come from the platform's {@link RecordTypes}, the contributions from the shell's
 * registries, which hand out guarded wrappers: a contribution that fails is left out, never the list or
 * form. (Those four are field references: the public constructor is part of the baselined kit API.)
 */
@org.osgi.service.component.annotations.Component(service = RecordKit.class)
public final class RecordKit {
    private final Records records;
    private final CustomFields customFields;
    private final Imports imports;
    private final SavedViews views;
    private final CallerContext callers;
    private final AccessControl access;
    @Reference
    private BulkActionRegistry bulkActions;
    @Reference
    private DecorationRegistry decorations;
    @Reference
    private PanelRegistry panels;
    @Reference
    private RecordTypes types;
    private final AuditTrail audit;
    private final Notes notes;
    private final Attachments attachments;
    private final Typifications typifications;

    /**
     * @param records lists, edits, bulk actions and export
     * @param customFields the fields of each record type
     * @param imports the import wizard's service
     * @param views saved list views
     * @param callers binds the user to an import's thread
     * @param access decides which buttons a user sees (the services check again)
     * @param audit the history a form shows
     * @param notes a form's notes
     * @param attachments a form's files
     * @param typifications a form's outcomes
     */
    @Activate
    public RecordKit(@Reference Records records, @Reference CustomFields customFields, @Reference Imports imports,
            @Reference SavedViews views, @Reference CallerContext callers, @Reference AccessControl access,
            @Reference AuditTrail audit, @Reference Notes notes, @Reference Attachments attachments,
            @Reference Typifications typifications) {
        this.typifications = typifications;
        this.audit = audit;
        this.notes = notes;
        this.attachments = attachments;
        this.records = records;
        this.customFields = customFields;
        this.imports = imports;
        this.views = views;
        this.callers = callers;
        this.access = access;
    }

    /**
     * @param recordType the record type id, e.g. {@code contact}
     * @param moduleId the module owning it, prefix of its permissions
     * @param prefix element id prefix, e.g. {@code contacts}
     * @param pluralLabel what the records are called in sentences, e.g. "contacts"
     * @return a list of the record type for the signed-in user: search, filters, columns, export and,
     *     as their permissions allow, saved views, import, inline edit and bulk actions
     */
    public RecordList list(String recordType, String moduleId, String prefix, String pluralLabel) {
        return new RecordList(this, recordType, moduleId, prefix, pluralLabel);
    }

    /**
     * A dialog listing the records of a type that match the given filters, for click-through from a chart's bar or
     * slice, a KPI or a count: the type's {@link RecordList} with exactly those filters as removable chips, rows
     * opening the record's form as lists do. What the user may see, and the records' visibility, come from the
     * record platform as in any list.
     *
     * <p>Element ids: the dialog {@code records-dialog}, its close button {@code records-dialog-close}; the list's
     * ids start with {@code records-dialog} ({@code records-dialog-grid}, {@code records-dialog-count}, chips of
     * class {@code records-dialog-filter-chip}); the form opened from a row has the record type id as prefix.
     *
     * @param recordType the record type id, e.g. {@code opportunity}
     * @param title the dialog's title, e.g. "Opportunities · Won · March 2026"
     * @param filters the filters, e.g. those of the group clicked
     * @return the dialog, not yet open
     * @throws NotFoundException if the record type's module is not installed
     * @since kit 1.3
     */
    public Dialog recordsDialog(String recordType, String title, List<Filter> filters) {
        return recordsDialog(recordType, title, filters, "");
    }

    /**
     * {@link #recordsDialog(String, String, List)} with a search text in its list's search box, for records a search
     * selected as well as filters (a report with a search text).
     *
     * @param recordType the record type id
     * @param title the dialog's title
     * @param filters the filters
     * @param searchText the search text, blank for none
     * @return the dialog, not yet open
     * @throws NotFoundException if the record type's module is not installed
     * @since kit 1.3
     */
    public Dialog recordsDialog(String recordType, String title, List<Filter> filters, String searchText) {
        RecordType type = type(recordType);
        String prefix = "records-dialog";
        RecordList list = new RecordList(this, recordType, type.moduleId(), prefix,
                type.pluralLabel().toLowerCase(java.util.Locale.ROOT), filters);
        list.onOpen(row -> form(recordType, recordType, row, list::refresh).open());
        if (searchText != null && !searchText.isBlank()) {
            list.setSearchText(searchText);
        }
        Dialog dialog = new Dialog();
        dialog.setId(prefix);
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(90vw, 80em)");
        dialog.setHeight("80vh");
        dialog.setResizable(true);
        Button close = new Button(new Icon(VaadinIcon.CLOSE), e -> dialog.close());
        close.setId(prefix + "-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.getElement().setAttribute("aria-label", "Close");
        dialog.getHeader().add(close);
        dialog.add(list);
        return dialog;
    }

    /**
     * @param recordType the record type id, e.g. {@code contact}
     * @param prefix element id prefix, e.g. {@code contact}
     * @param record the record to show (re-read, so the form has its latest version), or null for a new one
     * @param onChange run after the record was saved, deleted or cloned, typically refreshing the list
     * @return the form of the record for the signed-in user, not yet open: every field, related lists,
     *     notes, attachments and history, with the actions their permissions allow
     */
    public RecordForm form(String recordType, String prefix, RecordRow record, Runnable onChange) {
        return new RecordForm(this, type(recordType), prefix, record, onChange);
    }

    /**
     * @param recordType the record type id, e.g. {@code opportunity}
     * @param formPrefix element id prefix of the form a card opens, e.g. {@code opportunity}
     * @param settings the grouping field, card fields, summed fields and closing date the board starts with
     * @return the board of the record type for the signed-in user, grouped by a pick-list or the owner
     * @throws IllegalArgumentException if the record type has no pick-list or user field to group by
     * @since kit 1.2
     */
    public RecordBoard board(String recordType, String formPrefix, RecordBoard.Settings settings) {
        if (!hasBoard(recordType)) {
            throw new IllegalArgumentException(recordType + " has no pick-list or user field to group a board by");
        }
        return new RecordBoard(this, recordType, formPrefix, settings);
    }

    /**
     * @param recordType a record type id
     * @return whether it has a field a board can group by: a pick-list or a user (the owner)
     * @since kit 1.2
     */
    public boolean hasBoard(String recordType) {
        return !RecordBoard.groupable(fields(recordType)).isEmpty();
    }

    /** @return the record platform, for a view's own reads */
    public Records records() {
        return records;
    }

    CustomFields customFields() {
        return customFields;
    }

    /**
     * @param recordType a record type id
     * @return its fields users work with: all but lookups to record types whose module is not installed
     */
    List<FieldDefinition> fields(String recordType) {
        return customFields.fields(recordType).stream()
                .filter(f -> f.type() != FieldType.LOOKUP || f.lookupType().flatMap(types::find).isPresent())
                .toList();
    }

    /**
     * @param recordType a record type id
     * @return the installed record type
     * @throws NotFoundException if its module is not installed
     */
    RecordType type(String recordType) {
        return types.require(recordType);
    }

    /**
     * @param recordType a record type id
     * @param field one of its fields
     * @return whether users type its value in a list cell, a bulk update, a clone or a merge:
     *     {@link FieldInput#settable} and not {@link RecordType#setByModule set by the module}
     */
    boolean settable(String recordType, FieldDefinition field) {
        return FieldInput.settable(field) && types.find(recordType).map(t -> !t.setByModule(field.name())).orElse(true);
    }

    /**
     * @param recordType a record type id
     * @return the lookup fields of other installed record types that point at this one and that the
     *     signed-in user may list, by the record type holding them
     */
    List<Map.Entry<RecordType, FieldDefinition>> referencing(String recordType) {
        List<Map.Entry<RecordType, FieldDefinition>> related = new ArrayList<>();
        types.all().stream().sorted(Comparator.comparing(RecordType::pluralLabel))
                .filter(t -> access.permitted(t.moduleId() + ".view"))
                .forEach(t -> customFields.fields(t.id()).stream()
                        .filter(f -> f.type() == FieldType.LOOKUP && f.lookupType().orElse("").equals(recordType))
                        .forEach(f -> related.add(Map.entry(t, f))));
        return related;
    }

    AuditTrail audit() {
        return audit;
    }

    Notes notes() {
        return notes;
    }

    Attachments attachments() {
        return attachments;
    }

    Typifications typifications() {
        return typifications;
    }

    Imports imports() {
        return imports;
    }

    SavedViews views() {
        return views;
    }

    CallerContext callers() {
        return callers;
    }

    AccessControl access() {
        return access;
    }

    /**
     * @param recordType a record type id
     * @return the contributed bulk actions for the record type that the signed-in user may run; each
     *     runs through the kernel's guard, and one whose id, label or permission cannot be read is left out
     */
    public List<BulkAction> bulkActions(String recordType) {
        return bulkActions.forType(recordType).stream().filter(a -> access.permitted(a.permission())).toList();
    }

    /**
     * @param recordType a record type id
     * @return the contributed row decorations for the record type; each runs through the kernel's guard
     *     with a deadline, and answers no marks when it fails
     */
    public List<RowDecoration> decorations(String recordType) {
        return decorations.forType(recordType);
    }

    /**
     * Asks each contributed decoration once for the marks of a page, as the list does.
     *
     * @param recordType the record type id of the list
     * @param page the rows of one page
     * @return the marks by record id, in the decorations' order; a decoration that fails or does not
     *     answer in time gives none
     * @since kit 1.2
     */
    public Map<Long, List<RowDecoration.Mark>> marks(String recordType, List<RecordRow> page) {
        return marks(decorations(recordType), recordType, page);
    }

    /** The marks of a page from the given (guarded) decorations, as a list that keeps its decorations asks. */
    static Map<Long, List<RowDecoration.Mark>> marks(List<RowDecoration> decorations, String recordType,
            List<RecordRow> page) {
        Map<Long, List<RowDecoration.Mark>> marks = new java.util.HashMap<>();
        if (page.isEmpty()) {
            return marks;
        }
        for (RowDecoration decoration : decorations) {
            decoration.decorate(recordType, page)
                    .forEach((id, mark) -> marks.computeIfAbsent(id, i -> new ArrayList<>()).add(mark));
        }
        return marks;
    }

    /**
     * Creates the panels other modules contribute to the form of a saved record, as the form does.
     *
     * @param recordType the record type id of the form
     * @param recordId the record it shows
     * @param title what names the record to users
     * @return the panels the signed-in user gets, in their order; a panel that fails is left out
     * @since kit 1.2
     */
    public List<Component> panels(String recordType, long recordId, String title) {
        List<Component> created = new ArrayList<>();
        for (RecordPanel panel : panels.forType(recordType)) {
            panel.create(recordType, recordId, title).ifPresent(created::add);
        }
        return created;
    }
}
