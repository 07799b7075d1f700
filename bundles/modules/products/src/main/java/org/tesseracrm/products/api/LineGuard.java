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
 * <p>Lines of a record type without a guard may always change (given the edit permission on the record).
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
}
