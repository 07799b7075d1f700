package org.tesseracrm.products.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's say over the lines of its records: registered as a service with property
 * {@link org.tesseracrm.kernel.api.record.RecordType#ID crm.record.type} naming the record type it guards (e.g.
 * {@code crm.record.type=quote}), it is asked by {@link LineItems#replace} and {@link LineItems#copy} (for the
 * record copied to) before any line of such a record changes, inside the change's transaction and after the
 * caller's permissions were checked. It refuses by throwing: a sent quote is frozen, its lines change only on a new
 * revision.
 *
 * <p>Lines of a record type without a guard may always change (given the edit permission on the record). A guard is
 * also told the new totals after each change ({@link #changed}).
 */
@ConsumerType
public interface LineGuard {
    /**
     * Refuses a change of a record's lines by throwing; returns normally to allow it.
     *
     * @param recordType the guarded record type (the value of the service's {@code crm.record.type})
     * @param recordId the record whose lines are about to change
     * @throws org.tesseracrm.kernel.api.ConflictException (or a
     *     {@link org.tesseracrm.kernel.api.ValidationException}) whose message tells the user why and what to do
     *     instead, e.g. "This quote was sent and is frozen: make a new revision to change its lines"
     */
    void check(String recordType, long recordId);

    /**
     * Told after {@link LineItems#replace} or {@link LineItems#copy} (for the record copied to) wrote a record's
     * lines, inside the same transaction: a module that keeps the totals on its record (a quote's subtotal and total
     * for its lists) updates them here, and what it writes commits with the lines or not at all; throwing rolls the
     * change of the lines back. Does nothing by default.
     *
     * @param recordType the guarded record type
     * @param recordId the record whose lines changed
     * @param totals the totals of its new lines
     */
    default void changed(String recordType, long recordId, DocumentTotals totals) {
        // nothing by default
    }
}
