package org.tesseracrm.products.api;

/**
 * The product record type's id and field names, for modules that read products through
 * {@link org.tesseracrm.kernel.api.record.Records} (quotes, opportunity product lines).
 */
public final class ProductFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "product";
    /** The product's name (text, required). */
    public static final String NAME = "name";
    /** The product's code (text, required, unique whatever its case). */
    public static final String CODE = "code";
    /** Whether the product is offered (boolean, true for a new product). */
    public static final String ACTIVE = "active";
    /** The category (pick-list). */
    public static final String CATEGORY = "category";
    /** How the product is paid (pick-list: {@link #MONTHLY}, {@link #ON_DEMAND}, {@link #ONE_TIME}). */
    public static final String COST_TYPE = "costType";
    /** The sales commission in percent (number, 0 to 100). */
    public static final String COMMISSION_RATE = "commissionRate";
    /** The quantity in stock (number). */
    public static final String STOCK_QUANTITY = "stockQuantity";
    /** The tax in percent (number, 0 to 100). */
    public static final String TAX_RATE = "taxRate";
    /** The list price when no price list applies (money, in {@link #CURRENCY}). */
    public static final String UNIT_PRICE = "unitPrice";
    /** The currency of the unit price (pick-list of ISO 4217 codes). */
    public static final String CURRENCY = "currency";
    /** A description (long text). */
    public static final String DESCRIPTION = "description";
    /** Cost type value: paid every month. */
    public static final String MONTHLY = "Monthly";
    /** Cost type value: paid per use. */
    public static final String ON_DEMAND = "On demand";
    /** Cost type value: paid once. */
    public static final String ONE_TIME = "One time";

    private ProductFields() {
    }
}
