package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.CrmException;

/** Runs JDBC work in one transaction on the CRM DataSource: all of it commits, or none. */
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
}
