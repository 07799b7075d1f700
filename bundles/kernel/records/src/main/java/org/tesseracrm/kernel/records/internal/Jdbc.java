package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/** Runs JDBC work in one transaction on the CRM DataSource (all of it commits, or none), and hands out record ids. */
final class Jdbc {
    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return what the work returned, after commit
     * @throws CrmException for a database failure (logged by the caller's error handler), or the
     *     work's own CRM exception, after rollback
     */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new CrmException("The database refused the change: " + e.getMessage(), e);
        }
    }

    /** Runs a statement without parameters or result, such as DDL, in the caller's transaction. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Takes a block of ids the way JPA's table generator does, in its own short transaction so the
     * generator row is not locked while the import runs. Ids of a failed import are simply not used.
     *
     * @return the first id of the block
     */
    long reserveIds(IdGenerator ids, int count) {
        return inTransaction(c -> ModuleSql.reserveIds(c, ids, count));
    }
}
