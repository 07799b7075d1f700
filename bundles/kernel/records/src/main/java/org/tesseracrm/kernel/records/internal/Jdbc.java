package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;

/** The record platform's access to the kernel's one {@link TransactionScope}, and its record ids. */
final class Jdbc {
    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final TransactionScope scope;

    Jdbc(TransactionScope scope) {
        this.scope = scope;
    }

    /**
     * Runs work in the caller's transaction, or in one of its own if there is none.
     *
     * @return what the work returned (after commit, if the transaction is the work's own)
     * @throws org.tesseracrm.kernel.api.CrmException for a database failure, or the work's own CRM
     *     exception, after the transaction was marked for rollback
     */
    <T> T inTransaction(Work<T> work) {
        return scope.required(work::run);
    }

    /** @return the transaction scope, for tasks after commit */
    TransactionScope scope() {
        return scope;
    }

    /** Runs a statement without parameters or result, such as DDL, in the caller's transaction. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Takes a block of ids the way JPA's table generator does, committed at once on the scope's
     * connection for ids (like a database sequence) so the generator row is not locked while the
     * caller's change runs. Ids of a change that rolls back are simply not used.
     *
     * @return the first id of the block
     */
    long reserveIds(IdGenerator ids, int count) {
        return scope.reserveIds(ids, count);
    }
}
