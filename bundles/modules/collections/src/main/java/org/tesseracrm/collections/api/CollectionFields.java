package org.tesseracrm.collections.api;

import java.util.List;

/** The names of the collection record type, its fields, its first statuses and the obligations' statuses. */
public final class CollectionFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "collection";
    /** What the receivable is, e.g. "Invoices 2026-Q3" (text, required). */
    public static final String SUBJECT = "subject";
    /** The customer company (lookup); a collection has a company, a contact or both. */
    public static final String COMPANY = "company";
    /** The customer contact (lookup). */
    public static final String CONTACT = "contact";
    /** The user who collects (user); the owner when left empty. */
    public static final String COLLECTOR = "collector";
    /** The record's owner (user): whose collection it is for visibility. */
    public static final String OWNER = "owner";
    /** The currency of every obligation (pick-list of ISO 4217 codes with at most 2 decimals). */
    public static final String CURRENCY = "currency";
    /** Where the collection stands (pick-list, the admin's). */
    public static final String STATUS = "status";
    /** Free text. */
    public static final String DESCRIPTION = "description";
    /** The sum of every obligation's amount (money, set by the module). */
    public static final String TOTAL_AMOUNT = "totalAmount";
    /** The sum of amount minus amount paid of the obligations not written off (money, set by the module). */
    public static final String OUTSTANDING = "outstanding";
    /** The outstanding amount of the obligations due before today, UTC (money, set by the module). */
    public static final String OVERDUE = "overdue";
    /** The earliest due date, today or later, of an obligation with something outstanding (date, set by the module). */
    public static final String NEXT_DUE = "nextDue";

    /** The status a new collection starts with. */
    public static final String OPEN = "Open";
    /** The statuses offered on first install (the admin may change them: the module sets none). */
    public static final List<String> STATUSES = List.of(OPEN, "In negotiation", "Payment promised", "Settled",
            "Written off");

    /** An obligation with nothing paid. */
    public static final String PENDING = "Pending";
    /** An obligation with part of its amount paid. */
    public static final String PARTIALLY_PAID = "Partially paid";
    /** An obligation paid in full. */
    public static final String PAID = "Paid";
    /** An obligation given up: it counts in no outstanding amount. */
    public static final String WRITTEN_OFF = "Written off";
    /** Every obligation status. */
    public static final List<String> OBLIGATION_STATUSES = List.of(PENDING, PARTIALLY_PAID, PAID, WRITTEN_OFF);

    private CollectionFields() {
    }
}
