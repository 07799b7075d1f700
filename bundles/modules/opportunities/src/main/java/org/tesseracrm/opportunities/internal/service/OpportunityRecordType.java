package org.tesseracrm.opportunities.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.opportunities.internal.OpportunitiesModule;

/**
 * Describes opportunities to the record platform: lists, forms, filters, import, export and the REST API
 * come from it. The phase is a pick-list whose values the module keeps equal to the admin's phases
 * ({@link PhaseSync}); the expected amount is derived ({@link OpportunityLifecycle}).
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + OpportunityRecordType.ID)
public class OpportunityRecordType implements RecordType {
    /** The record type id. */
    public static final String ID = "opportunity";
    static final String NAME = "name";
    static final String COMPANY = "company";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String PHASE = "phase";
    static final String EXPECTED = "expectedAmount";
    static final String CLOSE_DATE = "closeDate";
    static final String LEAD_SOURCE = "leadSource";
    static final String NEXT_STEP = "nextStep";
    static final String LOST_REASON = "lostReason";
    static final String TABLE = "CRM_OPPORTUNITY";
    static final IdGenerator IDS = new IdGenerator("OPPORTUNITIES_ID_GEN", "GEN_NAME", "GEN_VALUE", "OPPORTUNITY");

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(NAME, "Name", FieldType.TEXT, "NAME", true, 200),
            new FieldDefinition(COMPANY, "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                    Optional.of("company")),
            FieldDefinition.predefined(PHASE, "Phase", FieldType.PICKLIST, "PHASE", false, 100),
            FieldDefinition.predefined(AMOUNT, "Amount", FieldType.MONEY, "AMOUNT", false, 0),
            FieldDefinition.predefined(CURRENCY, "Currency", FieldType.PICKLIST, "CURRENCY", false, 100),
            FieldDefinition.predefined(EXPECTED, "Expected amount", FieldType.MONEY, "EXPECTED_AMOUNT", false, 0),
            FieldDefinition.predefined(CLOSE_DATE, "Close date", FieldType.DATE, "CLOSE_DATE", false, 0),
            FieldDefinition.predefined(LEAD_SOURCE, "Lead source", FieldType.PICKLIST, "LEAD_SOURCE", false, 100),
            FieldDefinition.predefined(NEXT_STEP, "Next step", FieldType.TEXT, "NEXT_STEP", false, 255),
            FieldDefinition.predefined(LOST_REASON, "Lost reason", FieldType.TEXT, "LOST_REASON", false, 255),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public OpportunityRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.opportunities)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return OpportunitiesModule.ID;
    }

    @Override
    public String label() {
        return "Opportunity";
    }

    @Override
    public String pluralLabel() {
        return "Opportunities";
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
        return List.of(NAME);
    }

    @Override
    public List<String> searchFields() {
        return List.of(NAME, NEXT_STEP);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(NAME, true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    /** The list shows the deal, its company, phase and money; the rest is a column choice away. */
    @Override
    public boolean listedByDefault(String field) {
        return !List.of(LEAD_SOURCE, NEXT_STEP, LOST_REASON, CURRENCY).contains(field);
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case EXPECTED -> Optional.of("Amount × the phase's win probability, computed on save.");
            case LOST_REASON -> Optional.of("Required when the opportunity is in a lost phase.");
            default -> Optional.empty();
        };
    }

    /** The expected amount follows the amount and the phase; nobody types it. */
    @Override
    public boolean setByModule(String field) {
        return EXPECTED.equals(field);
    }

    /** First values: the currencies (EUR the default) and lead sources; the phases come from the phases. */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case CURRENCY -> Stream.of("EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "MXN", "COP", "BRL")
                    .map(code -> new PickListValue(code, Optional.empty(), code.equals("EUR"), true)).toList();
            case LEAD_SOURCE -> Stream.of("Web", "Referral", "Campaign", "Trade show", "Cold call", "Partner", "Other")
                    .map(PickListValue::of).toList();
            default -> List.of();
        };
    }
}
