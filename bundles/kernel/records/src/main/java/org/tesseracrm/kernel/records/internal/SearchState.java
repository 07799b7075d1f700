package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/**
 * What the platform's search indexes hold, once {@link RecordSearchImpl} made them for a record type:
 * the database's dialect, the fields with a lower-cased index ({@link SearchSql}) and, on Derby, the
 * fields whose "contains" values list is complete ({@link SearchTerms}). Shared through the
 * {@link FieldCatalog} by every service that builds record SQL.
 */
final class SearchState {
    private final Map<String, Set<String>> indexed = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> termed = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> orderIndexes = new ConcurrentHashMap<>();
    private final Map<String, long[]> rowCounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> leadingColumns = new ConcurrentHashMap<>();
    private final Map<String, long[]> heldCounts = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> primaryKeys = new ConcurrentHashMap<>();
    private volatile Dialect dialect;

    /** @return the dialect of the database behind the connection, found once */
    Dialect dialect(Connection c) throws SQLException {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(c);
            dialect = known;
        }
        return known;
    }

    /** @return the dialect, if a connection told it already */
    Optional<Dialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** @return the names of the type's fields that have the platform's lower-cased search index */
    Set<String> indexed(String type) {
        return indexed.getOrDefault(type, Set.of());
    }

    /** @return the names of the type's fields whose "contains" values list ({@link SearchTerms}) is complete */
    Set<String> termed(String type) {
        return termed.getOrDefault(type, Set.of());
    }

    /** Records which of the type's fields have which index, after {@link RecordSearchImpl} made them. */
    void ready(String type, Set<String> indexedFields, Set<String> termedFields) {
        indexed.put(type, Set.copyOf(indexedFields));
        termed.put(type, Set.copyOf(termedFields));
    }

    /** Forgets a type that went. */
    void forget(String type) {
        indexed.remove(type);
        termed.remove(type);
        orderIndexes.keySet().removeIf(key -> key.startsWith(type + " "));
        leadingColumns.keySet().removeIf(key -> key.startsWith(type + " "));
        heldCounts.keySet().removeIf(key -> key.startsWith(type + " "));
        primaryKeys.remove(type);
    }

    /** @return the name of the type's primary key constraint, if it is a plain name (read once per type) */
    Optional<String> primaryKey(Connection c, org.tesseracrm.kernel.api.record.RecordType type) throws SQLException {
        Optional<String> known = primaryKeys.get(type.id());
        if (known == null) {
            String name = null;
            try (java.sql.ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, type.table())) {
                while (rs.next()) {
                    name = rs.getString("PK_NAME");
                }
            }
            known = Optional.ofNullable(name).filter(n -> n.matches("[A-Z][A-Z0-9_]*"));
            primaryKeys.put(type.id(), known);
        }
        return known;
    }

    /**
     * @param columns the columns of a list's order, the id last
     * @return the type's index whose columns are exactly these, in this order (read once per order)
     */
    Optional<String> orderIndex(Connection c, org.tesseracrm.kernel.api.record.RecordType type, java.util.List<String> columns)
            throws SQLException {
        String key = type.id() + " " + columns;
        Optional<String> known = orderIndexes.get(key);
        if (known == null) {
            Map<String, java.util.TreeMap<Integer, String>> indexes = new java.util.HashMap<>();
            try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, type.table(), false, true)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
                        indexes.computeIfAbsent(rs.getString("INDEX_NAME"), n -> new java.util.TreeMap<>())
                                .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME")
                                        .toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
            known = indexes.entrySet().stream().filter(e -> java.util.List.copyOf(e.getValue().values()).equals(columns))
                    .map(Map.Entry::getKey).filter(n -> n.matches("[A-Z][A-Z0-9_]*")).sorted().findFirst();
            orderIndexes.put(key, known);
        }
        return known;
    }

    /** @return whether one of the type's indexes begins with the column (read once per column) */
    boolean indexBegins(Connection c, org.tesseracrm.kernel.api.record.RecordType type, String column)
            throws SQLException {
        String key = type.id() + " " + column;
        Boolean known = leadingColumns.get(key);
        if (known == null) {
            known = false;
            try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, type.table(), false, true)) {
                while (rs.next()) {
                    known |= rs.getShort("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"));
                }
            }
            leadingColumns.put(key, known);
        }
        return known;
    }

    /**
     * An estimate for choosing a plan, never for what a list shows: how many rows hold one of the values in an indexed
     * column, counted up to {@link SearchTerms#COUNT_CAP} entries of its index (only the column is read, so the index
     * answers without visiting the rows), at most once every ten minutes for a column and values. A board asks it for
     * each column it opens; the owners a user sees are the same on every page they read.
     *
     * @param column a column one of the type's indexes begins with ({@link #indexBegins})
     * @param values the values, e.g. the visible owners sorted
     * @return the rows, at most {@link SearchTerms#COUNT_CAP}
     */
    long held(Connection c, org.tesseracrm.kernel.api.record.RecordType type, String column, java.util.List<?> values)
            throws SQLException {
        String key = type.id() + " " + column + " " + values;
        long now = System.nanoTime();
        long[] known = heldCounts.get(key);
        if (known == null || now - known[1] > java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
            java.util.List<Object> params = new java.util.ArrayList<>(values);
            params.add(SearchTerms.COUNT_CAP);
            known = new long[] {SearchTerms.count(c, new Sql("SELECT COUNT(*) FROM (SELECT " + column + " FROM "
                    + type.table() + " WHERE " + column + " IN (" + RecordSql.placeholders(values.size())
                    + ") FETCH FIRST ? ROWS ONLY) HELD", params)), now};
            if (heldCounts.size() > 10_000) { // many users with different owner sets: start again rather than grow
                heldCounts.clear();
            }
            heldCounts.put(key, known);
        }
        return known[0];
    }

    /** @return the number of rows of the type's table, counted at most once every ten minutes */
    long rowCount(Connection c, org.tesseracrm.kernel.api.record.RecordType type) throws SQLException {
        long now = System.nanoTime();
        long[] known = rowCounts.get(type.id());
        if (known == null || now - known[1] > java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
            known = new long[] {SearchTerms.count(c, new Sql("SELECT COUNT(*) FROM " + type.table(), java.util.List.of())),
                now};
            rowCounts.put(type.id(), known);
        }
        return known[0];
    }
}
