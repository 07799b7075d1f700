package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
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
