package org.tesseracrm.kernel.ui.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Where a module's views get their record screens from: one service holding the record platform's
 * services and the bulk actions and row decorations other bundles contribute, so a view contribution
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

    /**
     * @param records lists, edits, bulk actions and export
     * @param customFields the fields of each record type
     * @param imports the import wizard's service
     * @param views saved list views
     * @param callers binds the user to an import's thread
     * @param access decides which buttons a user sees (the services check again)
     */
    @Activate
    public RecordKit(@Reference Records records, @Reference CustomFields customFields, @Reference Imports imports,
            @Reference SavedViews views, @Reference CallerContext callers, @Reference AccessControl access) {
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
     * @param recordType the record type id
     * @return the custom fields panel of a form of that record type
     */
    public CustomFieldsPanel customFields(String recordType) {
        return new CustomFieldsPanel(records, customFields, recordType);
    }

    /** @return the record platform, for a view's own reads */
    public Records records() {
        return records;
    }

    CustomFields fields() {
        return customFields;
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
        return bulkActions.stream().filter(c -> c.recordType().equals(recordType))
                .map(Contributed::service).filter(a -> access.permitted(a.permission())).toList();
    }

    /**
     * @param recordType a record type id
     * @return the contributed row decorations for the record type
     */
    public List<RowDecoration> decorations(String recordType) {
        return decorations.stream().filter(c -> c.recordType().equals(recordType)).map(Contributed::service).toList();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeBulkAction")
    void addBulkAction(BulkAction action, Map<String, Object> properties) {
        bulkActions.add(new Contributed<>(action, String.valueOf(properties.get(RecordType.ID))));
    }

    void removeBulkAction(BulkAction action) {
        bulkActions.removeIf(c -> c.service() == action);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDecoration")
    void addDecoration(RowDecoration decoration, Map<String, Object> properties) {
        decorations.add(new Contributed<>(decoration, String.valueOf(properties.get(RecordType.ID))));
    }

    void removeDecoration(RowDecoration decoration) {
        decorations.removeIf(c -> c.service() == decoration);
    }

    /** A contributed service and the record type its {@link RecordType#ID} property names. */
    private record Contributed<S>(S service, String recordType) {
        Contributed {
            Objects.requireNonNull(service);
        }
    }
}
