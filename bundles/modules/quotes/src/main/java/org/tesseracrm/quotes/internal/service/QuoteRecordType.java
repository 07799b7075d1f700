package org.tesseracrm.quotes.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * Describes quotes to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities and the REST API come from it. The number, revision links and totals are set by the module only
 * ({@link QuoteLifecycle} refuses them from plain edits and keeps a sent quote frozen).
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + QuoteFields.RECORD_TYPE)
public class QuoteRecordType implements RecordType {
    static final String TABLE = "CRM_QUOTE";
    static final IdGenerator IDS = new IdGenerator("QUOTES_ID_GEN", "GEN_NAME", "GEN_VALUE", "QUOTE");
    /** The fields only the module writes. */
    static final List<String> MODULE_FIELDS = List.of(QuoteFields.NUMBER, QuoteFields.REVISION,
            QuoteFields.PREVIOUS_REVISION, QuoteFields.NEXT_REVISION, QuoteFields.SUBTOTAL, QuoteFields.DISCOUNT,
            QuoteFields.TAX, QuoteFields.TOTAL);

    /** ISO 4217 codes offered on first install, as the products' and opportunities' currency pick-lists. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "MXN", "COP", "BRL");

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(QuoteFields.NUMBER, "Quote number", FieldType.TEXT, "QUOTE_NUMBER", false, 30),
            FieldDefinition.predefined(QuoteFields.REVISION, "Revision", FieldType.NUMBER, "REVISION", false, 0),
            FieldDefinition.predefined(QuoteFields.SUBJECT, "Subject", FieldType.TEXT, "SUBJECT", true, 200),
            FieldDefinition.predefined(QuoteFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            lookup(QuoteFields.CONTACT, "Contact", "CONTACT_ID", "contact"),
            lookup(QuoteFields.COMPANY, "Company", "COMPANY_ID", "company"),
            lookup(QuoteFields.OPPORTUNITY, "Opportunity", "OPPORTUNITY_ID", "opportunity"),
            FieldDefinition.predefined(QuoteFields.EMAIL, "E-mail", FieldType.EMAIL, "EMAIL", false, 254),
            FieldDefinition.predefined(QuoteFields.VALID_UNTIL, "Valid until", FieldType.DATE, "VALID_UNTIL", false, 0),
            FieldDefinition.predefined(QuoteFields.PRICE_LIST, "Price list", FieldType.NUMBER, "PRICE_LIST_ID", false,
                    0),
            FieldDefinition.predefined(QuoteFields.CURRENCY, "Currency", FieldType.PICKLIST, "CURRENCY", false, 100),
            FieldDefinition.predefined(QuoteFields.SUBTOTAL, "Subtotal", FieldType.MONEY, "SUBTOTAL", false, 0),
            FieldDefinition.predefined(QuoteFields.DISCOUNT, "Discount", FieldType.MONEY, "DISCOUNT", false, 0),
            FieldDefinition.predefined(QuoteFields.TAX, "Tax", FieldType.MONEY, "TAX", false, 0),
            FieldDefinition.predefined(QuoteFields.TOTAL, "Total", FieldType.MONEY, "TOTAL", false, 0),
            FieldDefinition.predefined(QuoteFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined(QuoteFields.REMARKS, "Remarks", FieldType.LONG_TEXT, "REMARKS", false, 4000),
            FieldDefinition.predefined(QuoteFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined(QuoteFields.TERMS, "Terms and conditions", FieldType.LONG_TEXT, "TERMS", false,
                    4000),
            lookup(QuoteFields.PREVIOUS_REVISION, "Previous revision", "PREVIOUS_ID", QuoteFields.RECORD_TYPE),
            lookup(QuoteFields.NEXT_REVISION, "Next revision", "NEXT_ID", QuoteFields.RECORD_TYPE),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(QuoteFields.NUMBER, QuoteFields.REVISION, QuoteFields.SUBJECT,
            QuoteFields.STATUS, QuoteFields.COMPANY, QuoteFields.CONTACT, QuoteFields.VALID_UNTIL, QuoteFields.TOTAL,
            QuoteFields.CURRENCY, QuoteFields.OWNER);

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public QuoteRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.quotes)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    private static FieldDefinition lookup(String name, String label, String column, String type) {
        return new FieldDefinition(name, label, FieldType.LOOKUP, false, 0, true, column, false, Optional.of(type));
    }

    @Override
    public String id() {
        return QuoteFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return QuotesModule.ID;
    }

    @Override
    public String label() {
        return "Quote";
    }

    @Override
    public String pluralLabel() {
        return "Quotes";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    /** A quote is named by its number and subject, e.g. "Q-2026-00042 Office chairs". */
    @Override
    public List<String> titleFields() {
        return List.of(QuoteFields.NUMBER, QuoteFields.SUBJECT);
    }

    @Override
    public List<String> searchFields() {
        return List.of(QuoteFields.NUMBER, QuoteFields.SUBJECT, QuoteFields.EMAIL);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(QuoteFields.NUMBER, false));
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
            case QuoteFields.NUMBER -> Optional.of("Given when the quote is made; its revisions keep it.");
            case QuoteFields.STATUS -> Optional.of("Sent by Send; a sent quote is frozen: Revise makes a new draft.");
            case QuoteFields.PRICE_LIST -> Optional.of("The price list the lines are priced from; the quote takes "
                    + "its currency.");
            case QuoteFields.SUBTOTAL, QuoteFields.DISCOUNT, QuoteFields.TAX, QuoteFields.TOTAL ->
                    Optional.of("The sum of the lines, kept by the quote.");
            default -> Optional.empty();
        };
    }

    /** The number, the revision links and the totals are the module's. */
    @Override
    public boolean setByModule(String field) {
        return MODULE_FIELDS.contains(field);
    }

    /** First values: the statuses (Draft the default) and the currencies products offer (EUR the default). */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case QuoteFields.STATUS -> QuoteFields.STATUSES.stream().map(s -> new PickListValue(s, Optional.empty(),
                    s.equals(QuoteFields.DRAFT), true)).toList();
            case QuoteFields.CURRENCY -> CURRENCIES.stream().map(c -> new PickListValue(c, Optional.empty(),
                    c.equals("EUR"), true)).toList();
            default -> List.of();
        };
    }

    /** The module's rules name every status: they stay in the list and active (an admin may add more, or rename). */
    @Override
    public Set<String> moduleValues(String field) {
        return QuoteFields.STATUS.equals(field) ? Set.copyOf(QuoteFields.STATUSES) : Set.of();
    }
}
