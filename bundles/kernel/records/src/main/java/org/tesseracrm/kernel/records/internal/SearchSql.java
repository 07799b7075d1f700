package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * The SQL of the global search, the only database-specific SQL of the record platform. A search field
 * is searched by prefix ignoring case as a range of its lower-cased value ({@code >= prefix} and
 * {@code < the next prefix}), which a B-tree serves whatever the database's collation and even with a
 * generic (parameterised) plan, in index order so the database stops after the few rows wanted:
 * <ul>
 * <li>Derby has no index on an expression: the platform adds a generated column
 * {@code SX_<column> GENERATED ALWAYS AS (LOWER(<column>))} and an index on it with the id;</li>
 * <li>PostgreSQL gets an expression index on {@code (LOWER(<column>) COLLATE "C", ID)}: the "C"
 * collation orders by code point, so the range holds exactly the values starting with the prefix;</li>
 * <li>another database is searched on {@code LOWER(<column>)} without an index.</li>
 * </ul>
 */
final class SearchSql {
    /** Prefix of the platform's lower-cased copy columns on Derby and of its search indexes. */
    static final String PREFIX = "SX_";
    private static final int NAME_MAX = 60;

    /** The databases the search has its own SQL for. */
    enum Dialect {
        DERBY, POSTGRESQL, OTHER;

        /** @return the dialect of the database behind the connection */
        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("derby") ? DERBY : product.contains("postgres") ? POSTGRESQL : OTHER;
        }
    }

    private SearchSql() {
    }

    /**
     * @return the type's search fields that get an index: predefined single-line text of at most
     *     {@value ColumnTypes#INDEXED_TEXT_MAX} characters (long text and URLs are too long for an index key)
     */
    static List<FieldDefinition> indexable(RecordType type) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (String name : type.searchFields()) {
            type.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                    .filter(f -> !f.custom() && f.type().textual() && f.maxLength() > 0
                            && ColumnTypes.indexed(f.type(), f.maxLength()) && f.type() != FieldType.URL)
                    .ifPresent(fields::add);
        }
        return List.copyOf(fields);
    }

    /** @return the name of the field's search index, e.g. {@code SX_CONTACT_LAST_NAME} */
    static String indexName(RecordType type, FieldDefinition field) {
        String name = PREFIX + type.id().toUpperCase(Locale.ROOT) + "_" + field.column();
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
    }

    /** @return the name of the field's trigram index on PostgreSQL, e.g. {@code SX_CONTACT_LAST_NAME_TRGM} */
    static String trigramIndexName(RecordType type, FieldDefinition field) {
        String name = indexName(type, field);
        return (name.length() > NAME_MAX - 5 ? name.substring(0, NAME_MAX - 5) : name) + "_TRGM";
    }

    /** @return whether PostgreSQL's pg_trgm extension is installed (changeset records-006 installs it where allowed) */
    private static boolean trigramsAvailable(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
                ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * @return whether the table has a trigram index on the field's lower-cased value, whoever made it (the
     *     contacts module's changeset contacts-003 made them before the platform did)
     */
    private static boolean hasTrigramIndex(Connection c, RecordType type, FieldDefinition field) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = ? AND indexdef LIKE ?")) {
            s.setString(1, type.table().toLowerCase(Locale.ROOT));
            s.setString(2, "%USING gin (lower((" + field.column().toLowerCase(Locale.ROOT) + ")::text) gin_trgm_ops)%");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return the lower-cased copy column of a field on Derby, e.g. {@code SX_LAST_NAME} */
    static String copyColumn(FieldDefinition field) {
        return PREFIX + field.column();
    }

    /**
     * Creates the field's search index if the database lacks it, in the caller's transaction.
     *
     * @return whether the index exists now (false on a database without its own search SQL)
     */
    static boolean ensure(Connection c, Dialect dialect, RecordType type, FieldDefinition field) throws SQLException {
        switch (dialect) {
            case DERBY -> {
                String table = type.table().toUpperCase(Locale.ROOT);
                Optional<Integer> length = varcharLength(c, table, field.column().toUpperCase(Locale.ROOT));
                if (length.isEmpty()) {
                    return false; // not a VARCHAR column: nothing Derby can index by prefix
                }
                if (varcharLength(c, table, copyColumn(field)).isEmpty()) {
                    Jdbc.execute(c, "ALTER TABLE " + type.table() + " ADD COLUMN " + copyColumn(field) + " VARCHAR("
                            + length.get() + ") GENERATED ALWAYS AS (LOWER(" + field.column() + "))");
                }
                if (!indexExists(c, table, indexName(type, field))) {
                    Jdbc.execute(c, "CREATE INDEX " + indexName(type, field) + " ON " + type.table() + " ("
                            + copyColumn(field) + ", ID)");
                }
                return true;
            }
            case POSTGRESQL -> {
                Jdbc.execute(c, "CREATE INDEX IF NOT EXISTS " + indexName(type, field) + " ON " + type.table()
                        + " (LOWER(" + field.column() + ") COLLATE \"C\", ID)");
                if (trigramsAvailable(c) && !hasTrigramIndex(c, type, field)) {
                    // "contains" (LOWER(x) LIKE '%text%') reads this index instead of every row
                    Jdbc.execute(c, "CREATE INDEX " + trigramIndexName(type, field) + " ON " + type.table()
                            + " USING gin (LOWER(" + field.column() + ") gin_trgm_ops)");
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * @param indexed whether {@link #ensure} made the field's index
     * @param prefix the lower-cased text searched for, not empty
     * @param limit the most ids wanted
     * @return the SELECT of the ids of visible records whose field starts with the prefix, in index order
     */
    static Sql ids(Dialect dialect, RecordType type, FieldDefinition field, boolean indexed, String prefix,
            Visibility visible, int limit) {
        String searched = searched(dialect, field, indexed);
        List<Object> params = new ArrayList<>();
        // Derby would rather walk the owner index for a visibility IN list; the prefix range is narrower.
        StringBuilder sql = new StringBuilder("SELECT ID FROM ").append(dialect == Dialect.DERBY && indexed
                ? org.tesseracrm.kernel.api.persistence.ModuleSql.preferIndex(type.table(), indexName(type, field))
                : type.table());
        sql.append(" WHERE ").append(searched).append(" >= ?");
        params.add(prefix);
        Optional<String> upper = upperBound(prefix);
        if (upper.isPresent()) {
            sql.append(" AND ").append(searched).append(" < ?");
            params.add(upper.get());
        }
        sql.append(RecordSql.visibleCondition(type, visible, params, " AND "));
        sql.append(" ORDER BY ").append(searched).append(", ID FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return new Sql(sql.toString(), params);
    }

    /** @return the expression compared with the prefix, the one the field's index holds */
    static String searched(Dialect dialect, FieldDefinition field, boolean indexed) {
        if (!indexed) {
            return "LOWER(" + field.column() + ")";
        }
        return switch (dialect) {
            case DERBY -> copyColumn(field);
            case POSTGRESQL -> "LOWER(" + field.column() + ") COLLATE \"C\"";
            default -> "LOWER(" + field.column() + ")";
        };
    }

    /**
     * @param prefix a text
     * @return the smallest text greater than every text starting with the prefix (its last character
     *     incremented), or empty if there is none (a prefix of U+FFFF characters only)
     */
    static Optional<String> upperBound(String prefix) {
        String stem = prefix;
        while (!stem.isEmpty() && stem.charAt(stem.length() - 1) == Character.MAX_VALUE) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stem.substring(0, stem.length() - 1) + (char) (stem.charAt(stem.length() - 1) + 1));
    }

    /** @return the length of a VARCHAR (or CHAR) column, if the table has such a column */
    private static Optional<Integer> varcharLength(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getColumns(null, null, table, column)) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                if (type == Types.VARCHAR || type == Types.CHAR) {
                    return Optional.of(rs.getInt("COLUMN_SIZE"));
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether the table has an index of that name */
    static boolean indexExists(Connection c, String table, String index) throws SQLException {
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, true)) {
            while (rs.next()) {
                if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
