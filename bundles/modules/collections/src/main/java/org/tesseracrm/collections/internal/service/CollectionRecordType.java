package org.tesseracrm.collections.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes collections to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities, follow-ups, typification and the REST API come from it. The totals are set by the module only
 * ({@link CollectionLifecycle} refuses them from plain edits; {@link ReceivablesImpl} writes them with the
 * obligations).
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + CollectionFields.RECORD_TYPE)
public class CollectionRecordType implements RecordType {
    static final String TABLE = "CRM_COLLECTION";
    static final IdGenerator IDS = new IdGenerator("COLLECTIONS_ID_GEN", "GEN_NAME", "GEN_VALUE", "COLLECTION");
    /** The obligations' ids. */
    static final IdGenerator OBLIGATION_IDS = new IdGenerator("COLLECTIONS_ID_GEN", "GEN_NAME", "GEN_VALUE",
            "OBLIGATION");
    /** The fields only the module writes. */
    static final List<String> MODULE_FIELDS = List.of(CollectionFields.TOTAL_AMOUNT, CollectionFields.OUTSTANDING,
            CollectionFields.OVERDUE, CollectionFields.NEXT_DUE);
    /** ISO 4217 codes offered on first install, as the quotes' currency pick-list. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "MXN", "COP", "BRL");

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(CollectionFields.SUBJECT, "Subject", FieldType.TEXT, "SUBJECT", true, 200),
            lookup(CollectionFields.COMPANY, "Company", "COMPANY_ID", "company"),
            lookup(CollectionFields.CONTACT, "Contact", "CONTACT_ID", "contact"),
            FieldDefinition.predefined(CollectionFields.COLLECTOR, "Collector", FieldType.USER, "COLLECTOR", false,
                    100),
            FieldDefinition.predefined(CollectionFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(CollectionFields.CURRENCY, "Currency", FieldType.PICKLIST, "CURRENCY", false,
                    100),
            FieldDefinition.predefined(CollectionFields.TOTAL_AMOUNT, "Total amount", FieldType.MONEY, "TOTAL_AMOUNT",
                    false, 0),
            FieldDefinition.predefined(CollectionFields.OUTSTANDING, "Outstanding", FieldType.MONEY, "OUTSTANDING",
                    false, 0),
            FieldDefinition.predefined(CollectionFields.OVERDUE, "Overdue", FieldType.MONEY, "OVERDUE", false, 0),
            FieldDefinition.predefined(CollectionFields.NEXT_DUE, "Next due", FieldType.DATE, "NEXT_DUE", false, 0),
            FieldDefinition.predefined(CollectionFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined(CollectionFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(CollectionFields.SUBJECT, CollectionFields.COMPANY,
            CollectionFields.CONTACT, CollectionFields.COLLECTOR, CollectionFields.STATUS, CollectionFields.OUTSTANDING,
            CollectionFields.OVERDUE, CollectionFields.NEXT_DUE, CollectionFields.CURRENCY);

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public CollectionRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.collections)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    private static FieldDefinition lookup(String name, String label, String column, String type) {
        return new FieldDefinition(name, label, FieldType.LOOKUP, false, 0, true, column, false, Optional.of(type));
    }

    @Override
    public String id() {
        return CollectionFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return CollectionsModule.ID;
    }

    @Override
    public String label() {
        return "Collection";
    }

    @Override
    public String pluralLabel() {
        return "Collections";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of(CollectionFields.SUBJECT);
    }

    @Override
    public List<String> searchFields() {
        return List.of(CollectionFields.SUBJECT);
    }

    /** Most overdue first. */
    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(CollectionFields.OVERDUE, false));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    @Override
    public boolean listedByDefault(String field) {
        return LISTED.contains(field) || field.startsWith("cf_");
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case CollectionFields.COMPANY, CollectionFields.CONTACT ->
                    Optional.of("The customer: a company, a contact or both.");
            case CollectionFields.COLLECTOR -> Optional.of("Who collects; the owner when left empty.");
            case CollectionFields.CURRENCY -> Optional.of("The currency of every obligation.");
            case CollectionFields.TOTAL_AMOUNT, CollectionFields.OUTSTANDING, CollectionFields.OVERDUE,
                    CollectionFields.NEXT_DUE -> Optional.of("Kept by the collection from its obligations.");
            default -> Optional.empty();
        };
    }

    /** The totals are the module's. */
    @Override
    public boolean setByModule(String field) {
        return MODULE_FIELDS.contains(field);
    }

    /** First values: the statuses (Open the default) and the currencies (EUR the default). */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case CollectionFields.STATUS -> CollectionFields.STATUSES.stream().map(s -> new PickListValue(s,
                    Optional.empty(), s.equals(CollectionFields.OPEN), true)).toList();
            case CollectionFields.CURRENCY -> CURRENCIES.stream().map(c -> new PickListValue(c, Optional.empty(),
                    c.equals("EUR"), true)).toList();
            default -> List.of();
        };
    }

    /** The statuses are the admin's: the module's rules name none of them. */
    @Override
    public Set<String> moduleValues(String field) {
        return Set.of();
    }
}
