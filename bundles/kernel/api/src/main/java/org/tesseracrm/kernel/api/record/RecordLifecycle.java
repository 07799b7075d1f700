package org.tesseracrm.kernel.api.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's part in the life of records: what it must do, inside the change's own transaction,
 * when a record is created, changed, deleted or merged. Registered as a service with property
 * {@link RecordType#ID} naming the record type it follows, or {@link RecordType#ALL} for every type.
 *
 * <p>Every method runs in the transaction of the change (see
 * {@link org.tesseracrm.kernel.api.persistence.TransactionScope}): what a participant writes, through
 * {@link Change#connection()} or the CRM DataSource, commits with the change or not at all, and a
 * participant that throws rolls the whole change back, every other participant's work included. A
 * {@link org.tesseracrm.kernel.api.ValidationException} refuses the change with its message for the
 * user. After commit the platform posts a {@link RecordEvents record event}; a participant that only
 * needs to react to committed changes should listen to those instead.
 *
 * <p>On delete each module decides for its own rows in {@link #beforeDelete}: cascade (delete them),
 * detach (clear their reference) or refuse (throw a ValidationException that says why). The
 * platform itself clears lookup fields of other records that point at a deleted record, and deletes
 * the notes, files and outcomes on it.
 *
 * <p>Calls are made with the acting user's permissions already checked. Use {@link Change#records()}
 * rather than a service reference to the record platform, which would be a reference cycle.
 */
@ConsumerType
public interface RecordLifecycle {

    /**
     * Before a record is inserted: refuse it, or prepare rows that must exist first.
     *
     * @param change the new record's values ({@link Change#after()}); its id is already reserved
     * @throws SQLException to roll the change back
     */
    default void beforeCreate(Change change) throws SQLException {
    }

    /**
     * After a record was inserted, in the same transaction: write the module's own rows for it.
     *
     * @param change the record as stored ({@link Change#after()})
     * @throws SQLException to roll the change back
     */
    default void afterCreate(Change change) throws SQLException {
    }

    /**
     * Before a record is changed.
     *
     * @param change the record as it is ({@link Change#before()}) and the fields about to change
     * @throws SQLException to roll the change back
     */
    default void beforeUpdate(Change change) throws SQLException {
    }

    /**
     * After a record was changed, in the same transaction.
     *
     * @param change the record before and after, and the fields that changed
     * @throws SQLException to roll the change back
     */
    default void afterUpdate(Change change) throws SQLException {
    }

    /**
     * Before a record is deleted: cascade, detach or refuse, for the module's own rows.
     *
     * @param change the record as it is ({@link Change#before()})
     * @throws SQLException to roll the delete back
     */
    default void beforeDelete(Change change) throws SQLException {
    }

    /**
     * After a record was deleted, in the same transaction.
     *
     * @param change the record as it was
     * @throws SQLException to roll the delete back
     */
    default void afterDelete(Change change) throws SQLException {
    }

    /**
     * Before two records are merged: move the module's references from the record that goes to the
     * one that stays (lookup fields, notes and files the platform moves itself).
     *
     * @param change the survivor as it is ({@link Change#before()})
     * @param merged the record that goes; it is deleted after the participants ran
     * @throws SQLException to roll the merge back
     */
    default void beforeMerge(Change change, RecordRow merged) throws SQLException {
    }

    /**
     * After two records were merged, in the same transaction.
     *
     * @param change the survivor before and after
     * @param merged the record that went
     * @throws SQLException to roll the merge back
     */
    default void afterMerge(Change change, RecordRow merged) throws SQLException {
    }

    /** One record's change as participants see it, inside its transaction. */
    @ProviderType
    interface Change {
        /** @return the record type's id */
        String recordType();

        /** @return the record's id (for a merge, the survivor's) */
        long id();

        /** @return the user name of who makes the change */
        String actor();

        /** @return the names of the fields the change sets; every field for a create or delete */
        Set<String> fields();

        /** @return the record before the change; empty for a create */
        Optional<RecordRow> before();

        /** @return the record after the change; empty for a delete, and before an update or merge happened */
        Optional<RecordRow> after();

        /** @return the transaction's connection; closing or committing it does nothing */
        Connection connection();

        /** @return the record platform, acting for the same user in the same transaction */
        Records records();
    }
}
