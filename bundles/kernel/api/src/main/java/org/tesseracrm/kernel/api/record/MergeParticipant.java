package org.tesseracrm.kernel.api.record;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part in merging two records of another module's type: it moves its own references (rows
 * of its tables that are not lookup fields the platform knows, such as an activity's link to a contact)
 * from the merged record to the survivor. Registered as a service with property {@link RecordType#ID}
 * naming the record type whose merges it takes part in, or {@link RecordType#ALL} for every type.
 *
 * <p>The platform calls every participant inside the merge's transaction (see
 * {@link org.tesseracrm.kernel.api.persistence.TransactionScope}): what it writes through the CRM
 * DataSource commits with the merge, and a participant that throws rolls the whole merge back.
 *
 * @deprecated since record API 2.1: implement {@link RecordLifecycle#beforeMerge}, which also hands
 *     over the transaction's connection and takes part in creates, updates and deletes
 */
@Deprecated(since = "2.1")
@ConsumerType
public interface MergeParticipant {
    /**
     * @param recordType the merged records' type
     * @param from the id of the record that goes
     * @param to the id of the record that stays
     */
    void repoint(String recordType, long from, long to);
}
