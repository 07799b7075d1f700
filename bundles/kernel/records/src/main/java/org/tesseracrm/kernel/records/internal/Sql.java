package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A statement's text and its parameters in order. The text holds only identifiers the platform
 * chose (columns of record types, {@code CF_} columns it generated); every value is a parameter.
 *
 * @param text the SQL
 * @param params the values of its {@code ?} placeholders
 */
record Sql(String text, List<Object> params) {
    Sql {
        params = List.copyOf(params);
    }

    /** Binds the parameters to a statement prepared from {@link #text}. */
    void bind(PreparedStatement statement) throws SQLException {
        bind(statement, params);
    }

    /** Binds values to a statement's placeholders in order, each as {@link #bind(PreparedStatement, int, Object)}. */
    static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    /**
     * Runs this INSERT into a table whose first column is a generated id.
     *
     * @return the id the database gave the new row
     */
    long insert(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement);
            statement.executeUpdate();
            // Derby returns the identity column, PostgreSQL the whole row; either way the id comes first.
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** @return the current UTC time as both databases keep it (PostgreSQL to the microsecond: milliseconds) */
    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return a UTC timestamp column as an instant, as the platform writes times */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /**
     * Binds one value the way both Derby and PostgreSQL accept it (Derby 10.14 takes no java.time).
     * {@link Null} carries the SQL type of a null.
     */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Null nothing) {
            statement.setNull(index, nothing.sqlType());
        } else if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof LocalDateTime time) {
            statement.setTimestamp(index, Timestamp.valueOf(time));
        } else if (value instanceof java.time.LocalTime time) {
            statement.setTime(index, java.sql.Time.valueOf(time));
        } else if (value instanceof Boolean bool) {
            statement.setBoolean(index, bool);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setString(index, String.valueOf(value));
        }
    }

    /**
     * A null parameter of a given SQL type.
     *
     * @param sqlType a {@link Types} constant
     */
    record Null(int sqlType) {
        static final Null VARCHAR = new Null(Types.VARCHAR);
    }
}
