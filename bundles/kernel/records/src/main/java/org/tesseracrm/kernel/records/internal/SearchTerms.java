package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Derby's index for "contains" filters, which Derby cannot serve from a B-tree: the distinct
 * lower-cased values of a field in {@code CRM_SEARCH_TERM}. A filter "last name contains zimmer" reads
 * the values containing "zimmer" there (a few hundred index entries instead of a million rows), then
 * the records holding one of them through the field's lower-cased index ({@link SearchSql}). When the
 * values found are held by many records, the list is better served by walking its order index and
 * filtering, as before: {@link #terms} then answers empty.
 *
 * <p>The platform adds the new values of the records it writes (create, edit, bulk change, merge,
 * import) in the transaction and on the connection of the write, with one statement per field and
 * batch ({@link #written}). Rows a module writes with its own SQL are not listed until the next start
 * lists them: such a module's fields should not be searched by "contains" on Derby. (Derby row
 * triggers were tried first: they made an import five times slower.) Values are never removed: a
 * value no record holds any more costs one index probe and finds nothing.
 * E-mail fields are left out: nearly every record has its own, so the list would be as long as the table.
 */
final class SearchTerms {
    /** Above this many values containing the text, the filter is not selective: the list walks its order. */
    static final int MAX_TERMS = 200;
    /** At this many records holding the values, the filter is not selective enough either. */
    static final int MAX_ROWS = 3000;
    /** Above this many values containing a text, it is taken to be held by {@link #COUNT_CAP} records or more. */
    static final int COUNT_VALUES = 1000;
    /** The most index entries a count for a plan choice reads. */
    static final int COUNT_CAP = 50_000;
    private static final String TABLE = "CRM_SEARCH_TERM";
    private static final int IDS_PER_STATEMENT = 500;

    private SearchTerms() {
    }

    /** @return whether the field gets a values list: not an e-mail, whose values are nearly all distinct */
    static boolean listed(FieldDefinition field) {
        return field.type() != FieldType.EMAIL;
    }

    /**
     * Fills the field's values list from the records already stored, once, in the caller's transaction.
     * Derby only; the field's lower-cased column must exist.
     */
    static void ensure(Connection c, RecordType type, FieldDefinition field) throws SQLException {
        if (!complete(c, type, field)) {
            Jdbc.execute(c, addNew(type, field, "", ""));
            Jdbc.execute(c, "INSERT INTO " + TABLE + " (RECORD_TYPE, FIELD_COLUMN, TERM) VALUES (" + literals(type, field)
                    + ", '')");
        }
    }

    /**
     * Adds the values of records just written that the lists of their listed fields lack, in the caller's
     * transaction. Does nothing for a type without lists (on PostgreSQL, or before its lists were made).
     *
     * @param ids the records written, any number
     */
    static void written(Connection c, SearchState search, RecordType type, List<Long> ids) throws SQLException {
        List<FieldDefinition> fields = listedFields(search, type);
        if (fields.isEmpty()) {
            return;
        }
        // the records by their primary key: Derby otherwise may read the field's index from '' on, and wait there
        // for every record other transactions are creating at the same moment (20 parallel creates timed out)
        String byKey = search.primaryKey(c, type).map(pk -> " --DERBY-PROPERTIES constraint=" + pk + "\n").orElse("");
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
            for (FieldDefinition field : fields) {
                try (PreparedStatement s = c.prepareStatement(addNew(type, field, byKey, " AND R.ID IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")"))) {
                    Sql.bind(s, new ArrayList<>(chunk));
                    s.executeUpdate();
                }
            }
        }
    }

    /**
     * Like {@link #written(Connection, SearchState, RecordType, List)} for the records with ids
     * {@code from} to {@code to}, as an import creates them: one statement per field (by id for a few records).
     */
    static void written(Connection c, SearchState search, RecordType type, long from, long to) throws SQLException {
        if (to - from < IDS_PER_STATEMENT) {
            // a record or a few (a create): by their ids, which Derby reads through the primary key. With ID BETWEEN
            // it scanned the field's whole search index instead (1,000,000 entries, 100-170 ms a field at a million
            // contacts: 3 fields made each contact create cost about 400 ms)
            written(c, search, type, java.util.stream.LongStream.rangeClosed(from, to).boxed().toList());
            return;
        }
        for (FieldDefinition field : listedFields(search, type)) {
            try (PreparedStatement s = c.prepareStatement(addNew(type, field, "", " AND R.ID BETWEEN ? AND ?"))) {
                s.setLong(1, from);
                s.setLong(2, to);
                s.executeUpdate();
            }
        }
    }

    private static List<FieldDefinition> listedFields(SearchState search, RecordType type) {
        Set<String> listed = search.termed(type.id());
        return listed.isEmpty() ? List.of() : type.fields().stream().filter(f -> listed.contains(f.name())).toList();
    }

    /**
     * @param text the text a "contains" filter looks for, as typed
     * @return the field's lower-cased values that contain the text, if they are few and held by few
     *     records (an empty list: no record matches); empty if the filter is better served without them
     */
    static Optional<List<String>> terms(Connection c, RecordType type, FieldDefinition field, String text)
            throws SQLException {
        String pattern = "%" + RecordSql.escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        Set<String> terms = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT TERM FROM " + TABLE + " WHERE RECORD_TYPE = ? AND "
                + "FIELD_COLUMN = ? AND TERM LIKE ? ESCAPE '\\'")) {
            s.setString(1, type.id());
            s.setString(2, field.column());
            s.setString(3, pattern);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    terms.add(rs.getString(1));
                    if (terms.size() > MAX_TERMS) {
                        return Optional.empty();
                    }
                }
            }
        }
        if (terms.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> found = List.copyOf(terms);
        return rowsHolding(c, type, field, found, MAX_ROWS) >= MAX_ROWS ? Optional.empty() : Optional.of(found);
    }

    /**
     * @param text the text a "contains" filter looks for
     * @return how many records hold a value containing it, counted up to {@link #COUNT_CAP}; the cap if
     *     more than {@value #COUNT_VALUES} values contain it
     */
    static int rowsHolding(Connection c, RecordType type, FieldDefinition field, String text) throws SQLException {
        Set<String> terms = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT TERM FROM " + TABLE + " WHERE RECORD_TYPE = ? AND "
                + "FIELD_COLUMN = ? AND TERM LIKE ? ESCAPE '\\'")) {
            s.setString(1, type.id());
            s.setString(2, field.column());
            s.setString(3, "%" + RecordSql.escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    terms.add(rs.getString(1));
                    if (terms.size() > COUNT_VALUES) {
                        return COUNT_CAP;
                    }
                }
            }
        }
        return terms.isEmpty() ? 0 : rowsHolding(c, type, field, List.copyOf(terms), COUNT_CAP);
    }

    /** @return how many records hold one of the values, counted up to {@code cap} in the field's index */
    private static int rowsHolding(Connection c, RecordType type, FieldDefinition field, List<String> terms, int cap)
            throws SQLException {
        List<Object> params = new ArrayList<>(terms);
        params.add(cap);
        // the copy column, not the id: its index answers without visiting the rows (counting 50,000 entries of an
        // index this way took 25 ms on Derby at a million contacts, reading their ids 230 ms)
        Sql count = new Sql("SELECT COUNT(*) FROM (SELECT " + SearchSql.copyColumn(field) + " FROM " + type.table()
                + " WHERE " + SearchSql.copyColumn(field) + " IN (" + String.join(", ", java.util.Collections.nCopies(terms.size(),
                "?")) + ") FETCH FIRST ? ROWS ONLY) HELD", params);
        return count(c, count);
    }

    /** @return the single number a COUNT statement answers */
    static int count(Connection c, Sql count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(count.text())) {
            count.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * @param hint what follows the table's correlation name R: empty, or a Derby table hint ending with a line break
     * @param rows a condition on R, starting with {@code AND}, or empty
     * @return the INSERT of the distinct values of the rows not listed yet
     */
    static String addNew(RecordType type, FieldDefinition field, String hint, String rows) {
        String column = "R." + SearchSql.copyColumn(field);
        return "INSERT INTO " + TABLE + " (RECORD_TYPE, FIELD_COLUMN, TERM) SELECT DISTINCT " + literals(type, field)
                + ", " + column + " FROM " + type.table() + " R" + hint + " WHERE " + column + " <> ''" + rows + " AND NOT EXISTS "
                + "(SELECT 1 FROM " + TABLE + " S WHERE " + same(type, field) + " AND S.TERM = " + column + ")";
    }

    /** Type id and column as SQL literals: both passed {@link Identifiers}, so they hold no quote. */
    private static String literals(RecordType type, FieldDefinition field) {
        return "'" + type.id() + "', '" + field.column() + "'";
    }

    private static String same(RecordType type, FieldDefinition field) {
        return "S.RECORD_TYPE = '" + type.id() + "' AND S.FIELD_COLUMN = '" + field.column() + "'";
    }

    private static boolean complete(Connection c, RecordType type, FieldDefinition field) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE RECORD_TYPE = ? AND "
                + "FIELD_COLUMN = ? AND TERM = ''")) {
            s.setString(1, type.id());
            s.setString(2, field.column());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
