package org.tesseracrm.kernel.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Plain JDBC for modules that keep tables of their own beside the record platform's (an activity's
 * participants, check-ins, follow-ups): parameters always bound, never concatenated; a transaction
 * that commits all or nothing; and the record visibility condition every query on owned rows needs.
 * Database errors become a {@link CrmException} whose message says what failed.
 */
public final class ModuleSql {
    private ModuleSql() {
    }

    /** Reads one row of a result. @param <T> the row type */
    @FunctionalInterface
    @ConsumerType
    public interface RowReader<T> {
        /**
         * @param rs a result positioned on a row
         * @return the row
         * @throws SQLException if reading fails
         */
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on a connection inside a transaction. @param <T> its result */
    @FunctionalInterface
    @ConsumerType
    public interface Work<T> {
        /**
         * @param connection the transaction's connection
         * @return the result
         * @throws SQLException to roll everything back
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * @param dataSource the CRM database
     * @param sql a query with {@code ?} placeholders
     * @param params the values, in order
     * @param limit the most rows read
     * @param reader maps a row
     * @param <T> the row type
     * @return the rows
     */
    public static <T> List<T> query(DataSource dataSource, String sql, List<?> params, int limit, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setMaxRows(limit);
            bind(statement, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new CrmException("The database could not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Inside a {@link TransactionScope} the work joins the scope (the connection is the scope's, and
     * commits with it); outside one it is a transaction of its own. New code uses
     * {@link TransactionScope#required} directly.
     *
     * @param dataSource the CRM database
     * @param work what to do; it all commits, or on any exception none of it does
     * @param <T> its result
     * @return the work's result
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new CrmException("The database refused the change: " + e.getMessage(), e);
        }
    }

    /**
     * @param dataSource the CRM database
     * @param sql one statement with {@code ?} placeholders
     * @param params the values, in order
     * @return the rows changed
     */
    public static int update(DataSource dataSource, String sql, List<?> params) {
        return inTransaction(dataSource, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Takes a block of ids from a generator table, the way JPA's table generator does (adds the block
     * size, uses the ids up to the new value), so ids taken here and by JPA or the record platform never
     * collide.
     *
     * @param connection a connection inside the caller's transaction
     * @param ids the generator's table and row
     * @param count how many ids
     * @return the first id of the block; the block ends at it + count - 1
     * @throws SQLException if the database fails
     * @throws CrmException if the table has no such row
     */
    public static long reserveIds(Connection connection, IdGenerator ids, int count) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("UPDATE " + ids.table() + " SET " + ids.valueColumn()
                + " = " + ids.valueColumn() + " + ? WHERE " + ids.nameColumn() + " = ?")) {
            bump.setLong(1, count);
            bump.setString(2, ids.name());
            if (bump.executeUpdate() != 1) {
                throw new CrmException("The id table " + ids.table() + " has no row " + ids.name() + ".");
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT " + ids.valueColumn() + " FROM " + ids.table()
                + " WHERE " + ids.nameColumn() + " = ?")) {
            read.setString(1, ids.name());
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /**
     * @param statement a prepared statement
     * @param params its values from the first placeholder on; null is bound as SQL NULL
     * @throws SQLException if binding fails
     */
    public static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /**
     * @param visibility whose rows the caller sees
     * @param params the query's values so far; the owners are added
     * @return {@code " AND OWNER IN (?, ...)"}, or "" for a caller who sees every row
     */
    public static String visibleOwners(Visibility visibility, List<Object> params) {
        if (visibility.all()) {
            return "";
        }
        params.addAll(visibility.owners());
        return " AND OWNER IN (" + placeholders(visibility.owners().size()) + ")";
    }

    /**
     * A table reference that asks the database to read the table through one of its indexes: for the rare
     * query whose plan a module measured to be wrong without it (see docs/benchmarks.md). The hint is
     * written in the platform's words for each database, so module SQL holds no database-specific syntax:
     * on Derby it is the optimizer override {@code --DERBY-PROPERTIES index=...} (a comment, ended by a
     * line break, that PostgreSQL, which plans by itself, reads as a comment).
     *
     * @param table the table, e.g. {@code CRM_ACTIVITY}
     * @param index one of its indexes, e.g. {@code IX_ACTIVITY_OWNER_REMIND}
     * @return the table reference for a {@code FROM} clause, ending with a line break
     * @throws IllegalArgumentException if a name is not a plain upper-case SQL identifier
     * @since persistence 1.2
     */
    public static String preferIndex(String table, String index) {
        for (String name : List.of(table, index)) {
            if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,59}")) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
            }
        }
        return table + " --DERBY-PROPERTIES index=" + index + "\n";
    }

    /**
     * @param count how many values
     * @return that many {@code ?} joined by commas (at least one), for an {@code IN} list
     */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
    }
}
