package org.tesseracrm.quotes.api;

import java.util.List;

/** The record type id of quotes, the names of their predefined fields and their statuses. */
public final class QuoteFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "quote";
    /** The quote number, e.g. {@code Q-2026-00042}: given by the module, shared by the quote's revisions. */
    public static final String NUMBER = "number";
    /** The revision: 1 for a new quote, n + 1 for a revision of revision n. */
    public static final String REVISION = "revision";
    /** Lookup to the revision this one revises. */
    public static final String PREVIOUS_REVISION = "previousRevision";
    /** Lookup to the revision that replaced this one. */
    public static final String NEXT_REVISION = "nextRevision";
    /** The subject (the quote's title). */
    public static final String SUBJECT = "subject";
    /** Lookup to the contact the quote is for. */
    public static final String CONTACT = "contact";
    /** Lookup to the company the quote is for. */
    public static final String COMPANY = "company";
    /** Lookup to the opportunity the quote belongs to. */
    public static final String OPPORTUNITY = "opportunity";
    /** The e-mail address the quote goes to. */
    public static final String EMAIL = "email";
    /** The status pick-list. */
    public static final String STATUS = "status";
    /** The last day the offer holds. */
    public static final String VALID_UNTIL = "validUntil";
    /** The id of the Products module's price list the lines are priced from (a number). */
    public static final String PRICE_LIST = "priceList";
    /** The ISO 4217 currency code; the price list's when the quote has one. */
    public static final String CURRENCY = "currency";
    /** Sum of the lines' amounts (price × quantity), kept by the module. */
    public static final String SUBTOTAL = "subtotal";
    /** Sum of the lines' discounts, kept by the module. */
    public static final String DISCOUNT = "discount";
    /** Sum of the lines' taxes, kept by the module. */
    public static final String TAX = "tax";
    /** Sum of the lines' totals, kept by the module. */
    public static final String TOTAL = "total";
    /** Remarks. */
    public static final String REMARKS = "remarks";
    /** Description. */
    public static final String DESCRIPTION = "description";
    /** Terms and conditions. */
    public static final String TERMS = "terms";
    /** The owner (user name). */
    public static final String OWNER = "owner";

    /** Status of a quote being written: the only status whose fields and lines change. */
    public static final String DRAFT = "Draft";
    /** Status of a quote sent to the customer: frozen. */
    public static final String SENT = "Sent";
    /** Status of a quote the customer accepted. */
    public static final String ACCEPTED = "Accepted";
    /** Status of a quote the customer rejected. */
    public static final String REJECTED = "Rejected";
    /** Status of a sent quote past its valid-until day. */
    public static final String EXPIRED = "Expired";
    /** The statuses, in their order. */
    public static final List<String> STATUSES = List.of(DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED);

    private QuoteFields() {
    }
}
