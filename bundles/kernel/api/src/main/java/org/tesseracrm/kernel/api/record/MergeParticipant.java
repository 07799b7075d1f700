package org.tesseracrm.kernel.api.record;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part in merging two records of another module's type: it moves its own references (rows
 * of its tables that are not lookup fields the platform knows, such as an activity's link to a contact)
 * from the merged record to the survivor. Registered as a service with property {@link RecordType#ID}
 * naming the record type whose merges it takes part in, or {@link RecordType#ALL} for every type.
 *
 * <p>The platform calls every participant before it changes anything itself; a participant that throws
 * stops the merge, and what participants already moved stays moved (each works in its own
 * transaction), which is harmless: the references then point at the survivor, which exists.
 */
@ConsumerType
public interface MergeParticipant {
    /**
     * @param recordType the merged records' type
     * @param from the id of the record that goes
     * @param to the id of the record that stays
     */
    void repoint(String recordType, long from, long to);
}
