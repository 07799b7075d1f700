package org.tesseracrm.kernel.api.record;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's part in {@link Records#moveRelated}: it moves the rows it keeps about one record (activities,
 * follow-ups, check-ins, ...) to another record, possibly of another type. Registered as a service with
 * property {@link RecordType#ID} naming the type of the record whose items move, or {@link RecordType#ALL}.
 *
 * <p>Called inside the move's transaction, with the acting user's permissions already checked: what it
 * writes through {@link Move#connection()} or the CRM DataSource commits with the move, and a participant
 * that throws rolls the whole move back (and, for a lead's conversion, the conversion with it).
 *
 * @since record API 2.2
 */
@ConsumerType
public interface RelatedItems {

    /**
     * Moves the module's rows that hang on {@link Move#from()} to {@link Move#to()}.
     *
     * @param move the two records and the transaction
     * @throws SQLException to roll the move back
     */
    void move(Move move) throws SQLException;

    /** One move as participants see it, inside its transaction. */
    @ProviderType
    interface Move {
        /** @return the record the items leave, with its title */
        RecordRef from();

        /** @return the record the items go to, with its title */
        RecordRef to();

        /** @return the user name of who moves them */
        String actor();

        /** @return the transaction's connection; closing or committing it does nothing */
        Connection connection();

        /** @return the record platform, acting for the same user in the same transaction */
        Records records();
    }
}
