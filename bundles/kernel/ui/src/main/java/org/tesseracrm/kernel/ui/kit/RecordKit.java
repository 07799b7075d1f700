package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/**
 * Where a module's views get their record screens from: one service holding the record platform's
 * services and the bulk actions, row decorations and form panels other bundles contribute, so a view contribution
 * needs one reference instead of eight. The lists it makes offer what the user's permissions allow.
 */
@Component(service = RecordKit.class)
public final class RecordKit {
    private final Records records;
    private final CustomFields customFields;
    private final Imports imports;
    private final SavedViews views;
    private final CallerContext callers;
    private final AccessControl access;
    private final List<Contributed<BulkAction>> bulkActions = new CopyOnWriteArrayList<>();
    private final List<Contributed<RowDecoration>> decorations = new CopyOnWriteArrayList<>();
    private final List<Contributed<RecordPanel>> panels = new CopyOnWriteArrayList<>();
    private final Map<String, RecordType> types = new ConcurrentHashMap<>();
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
                .filter(f -> f.type() != FieldType.LOOKUP || f.lookupType().map(types::containsKey).orElse(false))
                .toList();
    }

    /**
     * @param recordType a record type id
     * @return the installed record type
     * @throws NotFoundException if its module is not installed
     */
    RecordType type(String recordType) {
        RecordType type = types.get(recordType);
        if (type == null) {
            throw new NotFoundException("No module providing record type \"" + recordType + "\" is installed.");
        }
        return type;
    }

    /**
     * @param recordType a record type id
     * @return the lookup fields of other installed record types that point at this one and that the
     *     signed-in user may list, by the record type holding them
     */
    List<Map.Entry<RecordType, FieldDefinition>> referencing(String recordType) {
        List<Map.Entry<RecordType, FieldDefinition>> related = new ArrayList<>();
        types.values().stream().sorted(Comparator.comparing(RecordType::pluralLabel))
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
     * @return the contributed bulk actions for the record type that the signed-in user may run
     */
    public List<BulkAction> bulkActions(String recordType) {
        return bulkActions.stream().filter(c -> c.appliesTo(recordType)).map(Contributed::service).filter(a -> access.permitted(a.permission())).toList();
    }

    /**
     * @param recordType a record type id
     * @return the contributed row decorations for the record type
     */
    public List<RowDecoration> decorations(String recordType) {
        return decorations.stream().filter(c -> c.appliesTo(recordType)).map(Contributed::service).toList();
    }

    /**
     * @param recordType a record type id
     * @return the contributed form panels for the record type, in their order
     */
    List<RecordPanel> panels(String recordType) {
        return panels.stream().filter(c -> c.appliesTo(recordType)).sorted(Comparator.comparingInt(Contributed::order))
                .map(Contributed::service).toList();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeType")
    void addType(RecordType type) {
        types.put(type.id(), type);
    }

    void removeType(RecordType type) {
        types.remove(type.id(), type);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeBulkAction")
    void addBulkAction(BulkAction action, Map<String, Object> properties) {
        bulkActions.add(Contributed.of(action, properties, ""));
    }

    void removeBulkAction(BulkAction action) {
        bulkActions.removeIf(c -> c.service() == action);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDecoration")
    void addDecoration(RowDecoration decoration, Map<String, Object> properties) {
        decorations.add(Contributed.of(decoration, properties, ""));
    }

    void removeDecoration(RowDecoration decoration) {
        decorations.removeIf(c -> c.service() == decoration);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removePanel")
    void addPanel(RecordPanel panel, Map<String, Object> properties) {
        panels.add(Contributed.of(panel, properties, RecordPanel.ORDER));
    }

    void removePanel(RecordPanel panel) {
        panels.removeIf(c -> c.service() == panel);
    }

    /**
     * A contributed service, the record type its {@link RecordType#ID} property names (or
     * {@link RecordType#ALL}) and its order among its kind.
     */
    private record Contributed<S>(S service, String recordType, int order) {
        Contributed {
            Objects.requireNonNull(service);
        }

        static <S> Contributed<S> of(S service, Map<String, Object> properties, String orderProperty) {
            Object order = properties.get(orderProperty);
            int position = 100;
            if (order != null) {
                try {
                    position = Integer.parseInt(order.toString().strip());
                } catch (NumberFormatException e) {
                    // a malformed order puts the service among the unordered ones
                }
            }
            return new Contributed<>(service, String.valueOf(properties.get(RecordType.ID)), position);
        }

        boolean appliesTo(String type) {
            return recordType.equals(type) || recordType.equals(RecordType.ALL);
        }
    }
}
