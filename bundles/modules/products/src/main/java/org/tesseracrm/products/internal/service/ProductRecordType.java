package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.internal.ProductsModule;

/**
 * Describes products to the record platform: lists, forms, filters, import, export and the REST API come from it.
 * The code's uniqueness and a new product's defaults are kept by {@link ProductLifecycle}; the percentages' bounds
 * by {@link #check}.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ProductFields.RECORD_TYPE)
public class ProductRecordType implements RecordType {
    /** ISO 4217 codes offered on first install, as the opportunities' currency pick-list. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "MXN", "COP", "BRL");
    static final String TABLE = "CRM_PRODUCT";
    static final IdGenerator IDS = new IdGenerator("PRODUCTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "PRODUCT");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(ProductFields.NAME, "Name", FieldType.TEXT, "NAME", true, 200),
            FieldDefinition.predefined(ProductFields.CODE, "Code", FieldType.TEXT, "CODE", true, 100),
            FieldDefinition.predefined(ProductFields.ACTIVE, "Active", FieldType.BOOLEAN, "ACTIVE", false, 0),
            FieldDefinition.predefined(ProductFields.CATEGORY, "Category", FieldType.PICKLIST, "CATEGORY", false, 100),
            FieldDefinition.predefined(ProductFields.COST_TYPE, "Cost type", FieldType.PICKLIST, "COST_TYPE", false, 100),
            FieldDefinition.predefined(ProductFields.UNIT_PRICE, "Unit price", FieldType.MONEY, "UNIT_PRICE", false, 0),
            FieldDefinition.predefined(ProductFields.CURRENCY, "Currency", FieldType.PICKLIST, "CURRENCY", false, 100),
            FieldDefinition.predefined(ProductFields.TAX_RATE, "Tax rate (%)", FieldType.NUMBER, "TAX_RATE", false, 0),
            FieldDefinition.predefined(ProductFields.COMMISSION_RATE, "Commission rate (%)", FieldType.NUMBER,
                    "COMMISSION_RATE", false, 0),
            FieldDefinition.predefined(ProductFields.STOCK_QUANTITY, "Stock quantity", FieldType.NUMBER,
                    "STOCK_QUANTITY", false, 0),
            FieldDefinition.predefined(ProductFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public ProductRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.products)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ProductFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return ProductsModule.ID;
    }

    @Override
    public String label() {
        return "Product";
    }

    @Override
    public String pluralLabel() {
        return "Products";
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
        return List.of(ProductFields.NAME);
    }

    @Override
    public List<String> searchFields() {
        return List.of(ProductFields.NAME, ProductFields.CODE);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(ProductFields.NAME, true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    /** An import matches products by code. */
    @Override
    public List<String> duplicateFields() {
        return List.of(ProductFields.CODE);
    }

    /** Tax and commission rates are percentages, 0 to 100. */
    @Override
    public List<FieldError> check(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        percent(values, ProductFields.TAX_RATE, "tax rate", errors);
        percent(values, ProductFields.COMMISSION_RATE, "commission rate", errors);
        return errors;
    }

    private static void percent(Map<String, Object> values, String field, String what, List<FieldError> errors) {
        if (values.get(field) instanceof BigDecimal rate && (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError(field, "Enter a " + what + " from 0 to 100 (percent)"));
        }
    }

    /** The list shows name, code, state, category, cost type and price; the rest is a column choice away. */
    @Override
    public boolean listedByDefault(String field) {
        return !List.of(ProductFields.DESCRIPTION, ProductFields.COMMISSION_RATE, ProductFields.STOCK_QUANTITY,
                "createdAt").contains(field);
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case ProductFields.CODE -> Optional.of("Unique: no two products share a code, whatever its case.");
            case ProductFields.UNIT_PRICE -> Optional.of("The price when no price list applies, in the currency below.");
            case ProductFields.TAX_RATE, ProductFields.COMMISSION_RATE -> Optional.of("In percent, 0 to 100.");
            default -> Optional.empty();
        };
    }

    /**
     * First values: cost types Monthly, On demand, One time (documents total by these three), categories Product,
     * Service, Subscription, and the currencies opportunities also offer (EUR the default). The admin edits them in
     * Fields and pick-lists afterwards.
     */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case ProductFields.COST_TYPE -> Stream.of(ProductFields.MONTHLY, ProductFields.ON_DEMAND,
                    ProductFields.ONE_TIME).map(PickListValue::of).toList();
            case ProductFields.CATEGORY -> Stream.of("Product", "Service", "Subscription").map(PickListValue::of).toList();
            case ProductFields.CURRENCY -> CURRENCIES.stream().map(c -> new PickListValue(c, Optional.empty(),
                    c.equals("EUR"), true)).toList();
            default -> List.of();
        };
    }

    /** A new product is active unless the caller says otherwise (the form starts ticked; imports and the API too). */
    @Override
    public Optional<Object> defaultValue(String field) {
        return ProductFields.ACTIVE.equals(field) ? Optional.of(Boolean.TRUE) : Optional.empty();
    }
}
