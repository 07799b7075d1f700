package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Translates list queries on one record type into SQL over the type's table, and reads rows back.
 * Field names from callers are looked up in the type's fields, never pasted: only their column
 * names reach the SQL text, and every value is a bound parameter. The id is always the last sort
 * key, so pages are stable. Works unchanged on Derby and PostgreSQL.
 */
final class RecordSql {
    /** Sees every record: the platform's own reads inside a change, whoever owns the rows. */
    static final Visibility EVERYONE = new Visibility(true, Set.of());
    /** The most ids in one IN list. */
    static final int IDS_PER_QUERY = 500;

    private final RecordType type;
    private final List<FieldDefinition> fields;
    private final Map<String, FieldDefinition> byName;
    private final SearchState search;
    private final Targets targets;

    /** The record types lookup fields point at, for filters on a field of the looked-up record. */
    @FunctionalInterface
    interface Targets {
        /**
         * @param lookup a lookup field of the type
         * @param path the name used, {@code lookupField.targetField}, for error messages
         * @return the SQL of the type it points at (whose own lookups go no further)
         * @throws ValidationException if the caller may not use that type's fields
         */
        RecordSql target(FieldDefinition lookup, String path);
    }

    /**
     * @return the types a caller's lookups point at, for filters and reports on their fields: only of a type the
     *     caller may view (the rows are then limited to those the caller sees, by the visibility of the query)
     */
    static Targets targets(RecordTypeRegistry types, FieldCatalog catalog,
            org.tesseracrm.kernel.api.security.AccessControl access) {
        return (lookup, path) -> {
            RecordType target = lookup.lookupType().flatMap(types::find)
                    .orElseThrow(() -> new ValidationException(List.of(new FieldError(path, "\"" + lookup.label()
                            + "\" points at records that are not installed"))));
            if (!access.permitted(target.moduleId() + ".view")) {
                throw new ValidationException(List.of(new FieldError(path, "You may not view " + target.pluralLabel()
                        .toLowerCase(Locale.ROOT) + ", so their fields cannot be used here")));
            }
            return new RecordSql(target, catalog.fields(target), catalog.search());
        };
    }

    /** No lookup reaches further: a {@code lookupField.targetField} name is an unknown field. */
    private static final Targets NO_TARGETS = (lookup, path) -> {
        throw new ValidationException(List.of(new FieldError(path, "Fields of looked-up records cannot be used here")));
    };

    /**
     * @param type the record type
     * @param fields all its fields, predefined and custom
     */
    RecordSql(RecordType type, List<FieldDefinition> fields) {
        this(type, fields, new SearchState());
    }

    /**
     * @param type the record type
     * @param fields all its fields, predefined and custom
     * @param search the platform's search indexes, used where they serve a filter or a comparison
     */
    RecordSql(RecordType type, List<FieldDefinition> fields, SearchState search) {
        this(type, fields, search, NO_TARGETS);
    }

    /**
     * @param type the record type
     * @param fields all its fields, predefined and custom
     * @param search the platform's search indexes, used where they serve a filter or a comparison
     * @param targets the types its lookup fields point at, for filters named {@code lookupField.targetField}
     */
    RecordSql(RecordType type, List<FieldDefinition> fields, SearchState search, Targets targets) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.byName = fields.stream().collect(Collectors.toMap(FieldDefinition::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.search = search;
        this.targets = targets;
    }

    /** @return the record type */
    RecordType type() {
        return type;
    }

    /** @return the platform's search state (the database dialect once known) */
    SearchState search() {
        return search;
    }

    /**
     * A field reached from this type: its own, or {@code lookupField.targetField} of the record a lookup points at.
     *
     * @param field the field whose value is read
     * @param via the lookup field it is reached through, if any
     * @param target the SQL of the looked-up type, if any
     */
    record Path(String name, FieldDefinition field, Optional<FieldDefinition> via, Optional<RecordSql> target) {
    }

    /**
     * @param name a field name, or {@code lookupField.targetField}
     * @return the field it names
     * @throws ValidationException for an unknown field, a first part that is no lookup, or a looked-up type the
     *     caller may not use
     */
    Path path(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new Path(name, field(name), Optional.empty(), Optional.empty());
        }
        FieldDefinition lookup = byName.get(name.substring(0, dot));
        if (lookup == null || lookup.type() != FieldType.LOOKUP || lookup.lookupType().isEmpty()) {
            throw unknownField(type, name);
        }
        RecordSql target = targets.target(lookup, name);
        FieldDefinition field = target.byName.get(name.substring(dot + 1));
        if (field == null) {
            throw new ValidationException(List.of(new FieldError(name, lookup.label() + ": " + target.type.pluralLabel()
                    + " have no field \"" + name.substring(dot + 1) + "\"")));
        }
        return new Path(name, field, Optional.of(lookup), Optional.of(target));
    }

    /** @return the page's SELECT; without paging when {@code paged} is false (exports) */
    Sql select(RecordQuery query, Visibility visible, boolean paged) {
        return select(query, visible, paged, Map.of());
    }

    /**
     * @return the page's SELECT, whose "contains" filters use Derby's values lists ({@link SearchTerms})
     *     where they are selective; without paging when {@code paged} is false
     */
    Sql select(Connection c, RecordQuery query, Visibility visible, boolean paged) throws SQLException {
        Map<Filter, List<String>> terms = terms(c, query);
        return preferring(walkedIndex(c, query, visible, terms), select(query, visible, paged, terms));
    }

    /** @return the select, told to walk the list's order index if {@link #walkedIndex} found that cheaper */
    private Sql preferring(Optional<String> walk, Sql select) {
        return walk.isEmpty() ? select : new Sql(select.text().replaceFirst(" FROM " + type.table() + " ",
                " FROM " + org.tesseracrm.kernel.api.persistence.ModuleSql.preferIndex(type.table(), walk.get()) + " "),
                select.params());
    }

    /** The rows of a page read after a position, and the position of its last row if more rows follow. */
    record Slice(List<RecordRow> rows, Optional<Keyset> next) {
    }

    /**
     * Reads a page of the list after a position (keyset paging): the rows that come after it in the list's order,
     * the same order, visibility, text and filters as {@link #select}, without reading the rows before it. The rows
     * after the position are read as the successive ranges of {@link #ranges}, each a select that an order index
     * starts at the position, until the page is full.
     *
     * @param query order, search text, filters and page size; its offset is ignored
     * @param after the position, empty for the first page
     * @return up to {@code query.limit()} rows, and the position of the last one when more rows follow
     * @throws ValidationException if the position does not fit the list's sort keys
     */
    Slice slice(Connection c, RecordQuery query, Visibility visible, Optional<Keyset> after) throws SQLException {
        List<SortOrder> keys = sortKeys(query.sort());
        List<FieldDefinition> keyFields = keys.stream().map(k -> field(k.field())).toList();
        after.ifPresent(at -> checkTypes(keyFields, at));
        Map<Filter, List<String>> terms = terms(c, query);
        Optional<String> walk = walkedIndex(c, query.withPage(0, query.limit()), visible, terms);
        int wanted = query.limit() + 1; // one more tells whether a next page exists
        List<RecordRow> rows = new ArrayList<>();
        Keyset last = null;
        List<Optional<Sql>> conditions = after.isEmpty() ? List.of(Optional.empty())
                : ranges(keys, after.get()).stream().map(Optional::of).toList();
        for (Optional<Sql> condition : conditions) {
            if (rows.size() >= wanted) {
                break;
            }
            Sql select = preferring(walk, select(query, visible, terms, condition,
                    new Sql(" FETCH FIRST ? ROWS ONLY", List.of(wanted - rows.size()))));
            try (PreparedStatement s = c.prepareStatement(select.text())) {
                select.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                        if (rows.size() == query.limit()) {
                            last = position(rs, keyFields);
                        }
                    }
                }
            }
        }
        boolean more = rows.size() > query.limit();
        return new Slice(more ? rows.subList(0, query.limit()) : rows, more ? Optional.of(last) : Optional.empty());
    }

    /**
     * The rows after a position, as conditions to read one after the other: all rows of each come after those of the
     * ones before it in the list's order, and each is equalities on leading sort keys and one range on the next, so an
     * index on the keys and the id starts reading at the position (Derby has no row-value comparison, and neither
     * database starts an index scan at {@code a > ? OR (a = ? AND ...)}). After (a, b, id) = (v, w, x), ascending:
     * {@code a = v AND b = w AND ID > x}, {@code a = v AND b > w}, {@code a = v AND b IS NULL}, {@code a > v},
     * {@code a IS NULL}. Neither database is told NULLS FIRST or LAST, and both sort a NULL after every value
     * ascending and before every value descending; so a descending key is followed by {@code b < w} and, after a
     * NULL, by {@code b IS NOT NULL}, and nothing follows a NULL ascending. The id runs the way the first key does,
     * as in {@link #orderBy}.
     *
     * @return the conditions, most tied first; a page usually fills from the first two
     */
    List<Sql> ranges(List<SortOrder> keys, Keyset at) {
        List<Sql> ranges = new ArrayList<>();
        for (int level = keys.size(); level >= 0; level--) {
            List<String> equal = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < level; i++) {
                String column = field(keys.get(i).field()).column();
                Object value = at.values().get(i);
                equal.add(value == null ? column + " IS NULL" : column + " = ?");
                if (value != null) {
                    params.add(value);
                }
            }
            if (level == keys.size()) {
                boolean idAscending = keys.isEmpty() || keys.get(0).ascending();
                ranges.add(range(equal, "ID " + (idAscending ? "> ?" : "< ?"), params, at.id()));
                continue;
            }
            String column = field(keys.get(level).field()).column();
            Object value = at.values().get(level);
            boolean ascending = keys.get(level).ascending();
            if (value != null) {
                ranges.add(range(equal, column + (ascending ? " > ?" : " < ?"), params, value));
            }
            if (value != null && ascending) {
                ranges.add(range(equal, column + " IS NULL", params, null));
            } else if (value == null && !ascending) {
                ranges.add(range(equal, column + " IS NOT NULL", params, null));
            }
        }
        return ranges;
    }

    /** @return the equalities and the range, with their parameters and the range's value if it has one */
    private static Sql range(List<String> equal, String range, List<Object> params, Object value) {
        List<String> all = new ArrayList<>(equal);
        all.add(range);
        List<Object> bound = new ArrayList<>(params);
        if (value != null) {
            bound.add(value);
        }
        return new Sql(String.join(" AND ", all), bound);
    }

    /** @return the sort keys' values of the current row as their columns hold them, and its id */
    private Keyset position(ResultSet rs, List<FieldDefinition> keyFields) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (FieldDefinition field : keyFields) {
            int column = 3 + fields.indexOf(field);
            Object value = switch (field.type()) {
                case NUMBER, MONEY -> rs.getBigDecimal(column);
                case DATE -> Optional.ofNullable(rs.getDate(column)).map(Date::toLocalDate).orElse(null);
                case DATE_TIME -> Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toLocalDateTime)
                        .orElse(null);
                case BOOLEAN -> rs.getBoolean(column);
                case LOOKUP -> rs.getLong(column);
                default -> rs.getString(column);
            };
            values.add(rs.wasNull() ? null : value);
        }
        return new Keyset(values, rs.getLong(1));
    }

    /** Refuses a position whose values are not of the keys' column types (a forged cursor). */
    private static void checkTypes(List<FieldDefinition> keyFields, Keyset at) {
        for (int i = 0; i < keyFields.size(); i++) {
            Object value = at.values().get(i);
            Class<?> kind = switch (keyFields.get(i).type()) {
                case NUMBER, MONEY -> BigDecimal.class;
                case DATE -> java.time.LocalDate.class;
                case DATE_TIME -> LocalDateTime.class;
                case BOOLEAN -> Boolean.class;
                case LOOKUP -> Long.class;
                default -> String.class;
            };
            if (value != null && !kind.isInstance(value)) {
                throw new ValidationException(List.of(new FieldError("cursor",
                        "This cursor is not valid for this list; start again from the first page.")));
            }
        }
    }

    /**
     * On Derby, a list restricted to a few owners, unfiltered or filtered by common texts ("contains" the
     * values lists could not narrow): Derby reads every row of those owners through the owner index and sorts
     * them (0.6 s for 10 of 50 owners at a million rows, 1.7 s unfiltered). Walking the list's order index
     * instead stops after a page of matches; keyset pages ({@link #slice}) start it at their position. Which is cheaper is estimated from counts in the indexes, each read up to
     * {@link SearchTerms#COUNT_CAP} entries: rows of the visible owners, rows holding the texts' values,
     * and all rows (counted once a while).
     *
     * <p>A board's column is such a list too: its pick-list or owner value is a one-value "in" filter
     * ({@code Records.groupFilter}), and Derby reads every row of that value through the column's index and sorts
     * them (by owner at a million contacts: 20,000 rows and 100 ms a column, 5 s for 50 columns; by Segment for a
     * manager of 10 owners: 0.8-1.8 s a column). The order index is walked instead when the rows of the value (and
     * of the visible owners) are common enough that a page of matches comes sooner than reading them all. When an
     * index holds the column followed by the order (the platform's index of a custom pick-list, a module's board
     * index), that one is walked for a user who sees some owners; with every owner visible Derby walks it by itself.
     *
     * @return the index to walk, if walking it is estimated cheaper than Derby's own choice
     */
    private Optional<String> walkedIndex(Connection c, RecordQuery query, Visibility visible,
            Map<Filter, List<String>> terms) throws SQLException {
        Set<String> termed = search.termed(type.id());
        boolean someOwners = !visible.all() && !visible.owners().isEmpty();
        if (termed.isEmpty() || query.text().isPresent() || !terms.isEmpty()) {
            return Optional.empty();
        }
        List<FieldDefinition> texts = new ArrayList<>();
        List<Filter> texted = new ArrayList<>();
        List<Filter> columns = new ArrayList<>();
        for (Filter filter : query.filters()) {
            FieldDefinition field = byName.get(filter.field());
            if (field != null && filter.op() == org.tesseracrm.kernel.api.record.FilterOp.CONTAINS
                    && termed.contains(field.name())) {
                texts.add(field);
                texted.add(filter);
            } else if (field != null && boardColumn(filter, field)) {
                columns.add(filter);
            } else {
                return Optional.empty();
            }
        }
        if (!someOwners && columns.isEmpty()) {
            return Optional.empty();
        }
        List<SortOrder> keys = sortKeys(query.sort());
        if (keys.stream().anyMatch(k -> !k.ascending())) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>(keys.stream().map(k -> field(k.field()).column()).toList());
        order.add("ID");
        Optional<String> index = search.orderIndex(c, type, order);
        double all = search.rowCount(c, type);
        double factor = 1; // all rows / matching rows: how many rows the walk reads per match
        double own = Double.MAX_VALUE; // the rows Derby's own plan reads through the most selective index
        if (someOwners) {
            long owners = search.held(c, type, "OWNER", visible.owners().stream().sorted().toList());
            if (owners < SearchTerms.COUNT_CAP && columns.isEmpty()) {
                return Optional.empty(); // Derby's owner plan reads fewer rows than the cap: good enough
            }
            factor *= all / Math.max(1, owners);
            own = owners;
        }
        boolean columnIndex = false;
        for (Filter filter : columns) {
            String column = field(filter.field()).column();
            List<String> withOrder = new ArrayList<>(List.of(column));
            withOrder.addAll(order);
            Optional<String> ordered = search.orderIndex(c, type, withOrder);
            if (ordered.isPresent()) {
                // the column's own order index (the platform's on a custom pick-list, a module's board index) holds
                // exactly the column's rows in the list's order: walking it reads only rows of the value. Derby walks
                // it by itself when every owner is visible, but reads the visible owners' rows and sorts them otherwise
                if (!someOwners || columnIndex) {
                    return Optional.empty();
                }
                index = ordered;
                columnIndex = true;
                continue;
            }
            if (!search.indexBegins(c, type, column)) {
                return Optional.empty(); // no index to count its rows in
            }
            long held = search.held(c, type, column, List.of(filter.values().get(0).strip()));
            factor *= all / Math.max(1, held);
            own = Math.min(own, held);
        }
        if (index.isEmpty()) {
            return Optional.empty();
        }
        double held = texts.isEmpty() ? all : SearchTerms.COUNT_CAP; // no filter: every row matches
        for (int i = 0; i < texts.size(); i++) {
            held = Math.min(held, SearchTerms.rowsHolding(c, type, texts.get(i), texted.get(i).values().get(0)));
        }
        double walked = query.offset() + query.limit() * factor * (all / Math.max(1, held));
        return walked < own ? index : Optional.empty();
    }

    /** @return whether the filter keeps one value of a single-choice pick-list or of the owner: a board's column */
    private static boolean boardColumn(Filter filter, FieldDefinition field) {
        return filter.op() == org.tesseracrm.kernel.api.record.FilterOp.IN && filter.values().size() == 1
                && !filter.values().get(0).isBlank()
                && (field.type() == FieldType.PICKLIST || field.type() == FieldType.USER);
    }

    /** @return a COUNT that reads at most {@code atMost} matching rows, using the values lists like {@link #select} */
    Sql count(Connection c, RecordQuery query, Visibility visible, long atMost) throws SQLException {
        List<Object> params = new ArrayList<>();
        String inner = "SELECT ID FROM " + type.table() + where(query, visible, params, terms(c, query))
                + " FETCH FIRST ? ROWS ONLY";
        params.add(atMost);
        return new Sql("SELECT COUNT(*) FROM (" + inner + ") LIMITED", params);
    }

    /**
     * @param by the field grouped by
     * @param summed the fields summed in each group
     * @return the grouped SELECT of the query's rows (same visibility, text and filters as {@link #select}): per value
     *     of the field, the value, the number of rows and the sums, in that column order
     */
    Sql groups(Connection c, RecordQuery query, Visibility visible, FieldDefinition by, List<FieldDefinition> summed)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + by.column() + ", COUNT(*)" + summed.stream().map(f -> ", SUM(" + f.column() + ")")
                .collect(Collectors.joining()) + " FROM " + type.table() + where(query, visible, params, terms(c, query))
                + " GROUP BY " + by.column();
        return new Sql(sql, params);
    }

    /**
     * @return for each "contains" filter on a field with a complete values list (Derby), the lower-cased
     *     values that contain its text, when they are selective
     */
    Map<Filter, List<String>> terms(Connection c, RecordQuery query) throws SQLException {
        Set<String> termed = search.termed(type.id());
        if (termed.isEmpty()) {
            return Map.of();
        }
        Map<Filter, List<String>> terms = new java.util.HashMap<>();
        for (Filter filter : query.filters()) {
            FieldDefinition field = byName.get(filter.field());
            if (filter.op() == org.tesseracrm.kernel.api.record.FilterOp.CONTAINS && field != null
                    && termed.contains(field.name()) && !filter.values().get(0).isEmpty()) {
                SearchTerms.terms(c, type, field, filter.values().get(0)).ifPresent(t -> terms.put(filter, t));
            }
        }
        return terms;
    }

    private Sql select(RecordQuery query, Visibility visible, boolean paged, Map<Filter, List<String>> terms) {
        return paged ? select(query, visible, terms, Optional.empty(), new Sql(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(query.offset(), query.limit()))) : select(query, visible, terms, Optional.empty(), new Sql("", List.of()));
    }

    /**
     * @param condition a condition rows meet besides the query's, if any
     * @param paging what follows the ORDER BY, and its parameters
     * @return the SELECT of the query's rows, in its order
     */
    private Sql select(RecordQuery query, Visibility visible, Map<Filter, List<String>> terms, Optional<Sql> condition,
            Sql paging) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns()).append(" FROM ").append(type.table());
        String where = where(query, visible, params, terms);
        sql.append(where);
        condition.ifPresent(also -> {
            sql.append(where.isEmpty() ? " WHERE " : " AND ").append(also.text());
            params.addAll(also.params());
        });
        sql.append(orderBy(query.sort())).append(paging.text());
        params.addAll(paging.params());
        return new Sql(sql.toString(), params);
    }

    /** @return a COUNT that reads at most {@code atMost} matching rows */
    Sql count(RecordQuery query, Visibility visible, long atMost) {
        List<Object> params = new ArrayList<>();
        String inner = "SELECT ID FROM " + type.table() + where(query, visible, params, Map.of())
                + " FETCH FIRST ? ROWS ONLY";
        params.add(atMost);
        return new Sql("SELECT COUNT(*) FROM (" + inner + ") LIMITED", params);
    }

    /** @return the SELECT of one record, if visible */
    Sql byId(long id, Visibility visible) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String sql = "SELECT " + columns() + " FROM " + type.table() + " WHERE ID = ?" + visibleCondition(visible, params,
                " AND ");
        return new Sql(sql, params);
    }

    /**
     * @param ids record ids, any number
     * @return the visible records among them, read {@value #IDS_PER_QUERY} at a time
     */
    List<RecordRow> rowsByIds(Connection connection, List<Long> ids, Visibility visible) throws SQLException {
        List<RecordRow> rows = new ArrayList<>();
        for (int at = 0; at < ids.size(); at += IDS_PER_QUERY) {
            rows.addAll(rows(connection, byIds(ids.subList(at, Math.min(ids.size(), at + IDS_PER_QUERY)), visible)));
        }
        return rows;
    }

    /**
     * @param ids record ids, at most a few hundred
     * @return the SELECT of those records that are visible, in default order
     */
    Sql byIds(List<Long> ids, Visibility visible) {
        List<Object> params = new ArrayList<>(ids);
        String sql = "SELECT " + columns() + " FROM " + type.table() + " WHERE ID IN (" + placeholders(ids.size()) + ")"
                + visibleCondition(visible, params, " AND ") + orderBy(List.of());
        return new Sql(sql, params);
    }

    /**
     * @param values a value per field, as {@link #toColumn} stores it; text is compared ignoring case,
     *     through the field's lower-cased search index where the platform made one (else, on Derby, by
     *     reading the whole table)
     * @param except a record id left out, 0 for none
     * @param limit the most rows wanted
     * @return the SELECT of the visible records holding any of the values, in default order
     */
    Sql anyEqual(Map<FieldDefinition, Object> values, long except, Visibility visible, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> ors = new ArrayList<>();
        values.forEach((field, value) -> {
            Object stored = toColumn(field, value);
            if (stored instanceof String text && field.type().textual()) {
                ors.add(lowered(field) + " = ?");
                params.add(text.toLowerCase(Locale.ROOT));
            } else {
                ors.add(field.column() + " = ?");
                params.add(stored);
            }
        });
        params.add(except);
        String sql = "SELECT " + columns() + " FROM " + type.table() + " WHERE (" + String.join(" OR ", ors)
                + ") AND ID <> ?" + visibleCondition(visible, params, " AND ") + orderBy(List.of())
                + " FETCH FIRST " + limit + " ROWS ONLY";
        return new Sql(sql, params);
    }

    /** @return the DELETE of one record; parameters: id and the version read */
    String delete() {
        return "DELETE FROM " + type.table() + " WHERE ID = ? AND VERSION = ?";
    }

    /**
     * @param keys the fields identifying a record
     * @param tuples values of those fields, one list per wanted record
     * @return the SELECT of the visible records having any of the tuples, compared exactly
     */
    Sql byKeys(List<FieldDefinition> keys, List<List<Object>> tuples, Visibility visible) {
        List<Object> params = new ArrayList<>();
        List<String> ors = new ArrayList<>();
        for (List<Object> tuple : tuples) {
            List<String> ands = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                ands.add(keys.get(i).column() + " = ?");
                params.add(toColumn(keys.get(i), tuple.get(i)));
            }
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        String where = "(" + String.join(" OR ", ors) + ")" + visibleCondition(visible, params, " AND ");
        return new Sql("SELECT " + columns() + " FROM " + type.table() + " WHERE " + where, params);
    }

    /**
     * @param data the fields an insert fills, none of them a system column
     * @return the INSERT text; parameters: id, version, owner, created, updated, then the fields in order
     */
    String insert(List<FieldDefinition> data) {
        return "INSERT INTO " + type.table() + " (ID, VERSION, OWNER, CREATED_AT, UPDATED_AT"
                + data.stream().map(f -> ", " + f.column()).collect(Collectors.joining()) + ") VALUES (?, ?, ?, ?, ?"
                + ", ?".repeat(data.size()) + ")";
    }

    /**
     * @param values the new record's values by field; missing ones are stored as no value
     * @return the parameters of {@link #insert}, in its order
     */
    static List<Object> insertParams(long id, Object owner, LocalDateTime now, List<FieldDefinition> data,
            Map<FieldDefinition, Object> values) {
        List<Object> params = new ArrayList<>(List.of(id, 1L, owner, now, now));
        data.forEach(field -> params.add(toColumn(field, values.get(field))));
        return params;
    }

    /**
     * @param values the new values by field
     * @return the parameters of {@link #update}, in its order
     */
    static List<Object> updateParams(List<FieldDefinition> data, Map<FieldDefinition, Object> values, Object owner,
            LocalDateTime now, long id, long version) {
        List<Object> params = new ArrayList<>();
        data.forEach(field -> params.add(toColumn(field, values.get(field))));
        params.addAll(List.of(owner, now, id, version));
        return params;
    }

    /**
     * @param data the fields an import, edit or bulk action sets
     * @return the UPDATE text; parameters: the fields in order, owner, updated, then id and version
     */
    String update(List<FieldDefinition> data) {
        return "UPDATE " + type.table() + " SET " + data.stream().map(f -> f.column() + " = ?, ")
                .collect(Collectors.joining()) + "OWNER = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?";
    }

    /** @return every row a statement made by {@link #select}, {@link #byId} or {@link #byKeys} returns */
    List<RecordRow> rows(Connection connection, Sql select) throws SQLException {
        List<RecordRow> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(select.text())) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        return rows;
    }

    /** Reads the current row of a result set made by {@link #select} or {@link #byId}. */
    RecordRow read(ResultSet rs) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        int column = 3;
        for (FieldDefinition field : fields) {
            Object value = fromColumn(rs, column++, field.type());
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return new RecordRow(rs.getLong(1), rs.getLong(2), values);
    }

    /**
     * @return the value as its column stores it: multi pick-lists as {@code |a|b|}; no value as '' in a
     *     predefined text column (as the modules' entities write it), else as a typed NULL
     */
    static Object toColumn(FieldDefinition field, Object value) {
        if (value == null && !field.custom() && field.type().textual()) {
            return "";
        }
        if (value == null && !field.custom() && field.type() == FieldType.BOOLEAN) {
            return Boolean.FALSE; // predefined yes/no columns are NOT NULL, as predefined text ones hold ''
        }
        if (value == null) {
            return new Sql.Null(ColumnTypes.jdbcType(field.type()));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? Sql.Null.VARCHAR
                    : list.stream().map(String::valueOf).collect(Collectors.joining("|", "|", "|"));
        }
        return value;
    }

    private static Object fromColumn(ResultSet rs, int column, FieldType type) throws SQLException {
        Object value = switch (type) {
            case NUMBER -> withoutTrailingZeros(rs.getBigDecimal(column));
            case MONEY -> rs.getBigDecimal(column);
            case DATE -> {
                Date date = rs.getDate(column);
                yield date == null ? null : date.toLocalDate();
            }
            case DATE_TIME -> {
                Timestamp time = rs.getTimestamp(column);
                yield time == null ? null : time.toLocalDateTime();
            }
            case BOOLEAN -> {
                boolean bool = rs.getBoolean(column);
                yield rs.wasNull() ? null : bool;
            }
            case LOOKUP -> {
                long id = rs.getLong(column);
                yield rs.wasNull() ? null : id;
            }
            case MULTI_PICKLIST -> {
                String joined = rs.getString(column);
                yield joined == null ? null : Arrays.stream(joined.split("\\|")).filter(v -> !v.isEmpty()).toList();
            }
            default -> rs.getString(column);
        };
        return value instanceof String text && text.isEmpty() ? null : value;
    }

    /** @return 12.5 for a stored 12.5000, 1200 for 1200.0000 */
    private static BigDecimal withoutTrailingZeros(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private String columns() {
        return "ID, VERSION" + fields.stream().map(f -> ", " + f.column()).collect(Collectors.joining());
    }

    /** @return the field's value in lower case, as its search index holds it if it has one */
    private String lowered(FieldDefinition field) {
        return search.dialect().filter(d -> search.indexed(type.id()).contains(field.name()))
                .map(d -> SearchSql.searched(d, field, true)).orElse("LOWER(" + field.column() + ")");
    }

    /**
     * @return the WHERE (with its leading keyword) of the query's rows as {@link #select} has it: visibility, search
     *     text and filters over the type's table, its columns unqualified; empty for every row
     */
    String where(Connection c, RecordQuery query, Visibility visible, List<Object> params) throws SQLException {
        return where(query, visible, params, terms(c, query));
    }

    private String where(RecordQuery query, Visibility visible, List<Object> params, Map<Filter, List<String>> terms) {
        List<String> conditions = new ArrayList<>();
        String owners = visibleCondition(visible, params, "");
        if (!owners.isEmpty()) {
            conditions.add(owners);
        }
        query.text().ifPresent(text -> conditions.add(search(text, params)));
        List<FieldError> errors = new ArrayList<>();
        for (Filter filter : query.filters()) {
            try {
                List<String> values = terms.get(filter);
                conditions.add(filter.field().contains(".") ? lookedUp(filter, visible, params)
                        : values == null ? condition(filter, params) : among(field(filter.field()), values, params));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** @return the condition limiting rows to those the caller sees (owners and the type's shared rows) */
    String visibleCondition(Visibility visible, List<Object> params, String prefix) {
        return visibleCondition(type, visible, params, prefix);
    }

    /**
     * @return the condition limiting the type's rows to those the caller sees, after the prefix: the visible
     *     owners' rows, and the rows the type shares with every viewer ({@link RecordType#sharedRows}); without the
     *     others when the type hides them from the caller; empty if all are visible
     */
    static String visibleCondition(RecordType type, Visibility visible, List<Object> params, String prefix) {
        Optional<SharedRows> shared = type.sharedRows();
        if (shared.isEmpty()) {
            return ownerCondition(visible, params, prefix);
        }
        String column = type.fields().stream().filter(f -> f.name().equals(shared.get().field())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Record type " + type.id() + " shares rows by an "
                        + "unknown field " + shared.get().field())).column();
        List<String> values = shared.get().values().stream().sorted().toList();
        String sharedRows = values.isEmpty() ? "1 = 0" : column + " IN (" + placeholders(values.size()) + ")";
        if (!shared.get().othersVisible()) {
            params.addAll(values);
            return prefix + sharedRows;
        }
        List<Object> ownerParams = new ArrayList<>();
        String owners = ownerCondition(visible, ownerParams, "");
        if (owners.isEmpty()) {
            return "";
        }
        params.addAll(ownerParams);
        params.addAll(values);
        return prefix + "(" + owners + " OR " + sharedRows + ")";
    }

    /** @return the condition limiting rows to the visible owners, after the prefix; empty if all are visible */
    static String ownerCondition(Visibility visible, List<Object> params, String prefix) {
        if (visible.all()) {
            return "";
        }
        if (visible.owners().isEmpty()) {
            return prefix + "1 = 0";
        }
        params.addAll(visible.owners().stream().sorted().toList());
        return prefix + "OWNER IN (" + placeholders(visible.owners().size()) + ")";
    }

    private String search(String text, List<Object> params) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        List<String> ors = new ArrayList<>();
        for (String name : type.searchFields()) {
            ors.add("LOWER(" + field(name).column() + ") LIKE ? ESCAPE '\\'");
            params.add(pattern);
        }
        return "(" + String.join(" OR ", ors) + ")";
    }

    /** @return the condition that the field's lower-cased value is one of the values (none: no row) */
    private String among(FieldDefinition field, List<String> values, List<Object> params) {
        if (values.isEmpty()) {
            return "1 = 0";
        }
        params.addAll(values);
        return SearchSql.copyColumn(field) + " IN (" + placeholders(values.size()) + ")";
    }

    /**
     * A filter on a field of the looked-up record ({@code company.industry}): the lookup points at a record the caller
     * sees that meets the condition. "Is empty" and "is not" also keep the records pointing nowhere or at a record
     * the caller does not see, as an aggregate's "no value" group holds them.
     */
    private String lookedUp(Filter filter, Visibility visible, List<Object> params) {
        Path path = path(filter.field());
        RecordSql target = path.target().orElseThrow();
        String column = path.via().orElseThrow().column();
        FilterOp op = filter.op();
        boolean negated = op == FilterOp.EMPTY || op == FilterOp.NOT_EQUALS;
        FilterOp inner = op == FilterOp.EMPTY ? FilterOp.NOT_EMPTY : op == FilterOp.NOT_EQUALS ? FilterOp.EQUALS : op;
        List<Object> sub = new ArrayList<>();
        String condition;
        try {
            condition = target.condition(new Filter(path.field().name(), inner, filter.values()), sub);
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(error -> new FieldError(filter.field(),
                    path.via().get().label() + ": " + error.message())).toList());
        }
        String select = "SELECT ID FROM " + target.type.table() + " WHERE " + condition
                + target.visibleCondition(visible, sub, " AND ");
        params.addAll(sub);
        return negated ? "(" + column + " IS NULL OR " + column + " NOT IN (" + select + "))"
                : column + " IN (" + select + ")";
    }

    private String condition(Filter filter, List<Object> params) {
        FieldDefinition field = field(filter.field());
        if (!filter.op().allows(field.type())) {
            throw FieldValues.invalid(field, "\"" + filter.op().label() + "\" does not apply to this field");
        }
        String column = field.column();
        boolean text = field.type().textual();
        String compared = text ? "LOWER(" + column + ")" : column;
        return switch (filter.op()) {
            case CONTAINS -> {
                params.add("%" + escapeLike(filter.values().get(0).toLowerCase(Locale.ROOT)) + "%");
                yield "LOWER(" + column + ") LIKE ? ESCAPE '\\'";
            }
            case EQUALS -> {
                // a text compared as its search index holds it, if it has one: Derby's lower-cased copy column,
                // PostgreSQL's LOWER(column) index (the convert dialog's contacts of the same name: LOWER(LAST_NAME)
                // read a million contacts on Derby)
                params.add(operand(field, filter.values().get(0)));
                yield (text ? lowered(field) : column) + " = ?";
            }
            case NOT_EQUALS -> {
                params.add(operand(field, filter.values().get(0)));
                yield "(" + column + " IS NULL OR " + compared + " <> ?)";
            }
            case EMPTY -> text || field.type() == FieldType.PICKLIST
                    ? "(" + column + " IS NULL OR " + column + " = '')" : column + " IS NULL";
            case NOT_EMPTY -> text || field.type() == FieldType.PICKLIST
                    ? "(" + column + " IS NOT NULL AND " + column + " <> '')" : column + " IS NOT NULL";
            case BETWEEN -> range(field, filter.values(), params);
            case IN -> in(field, filter.values(), params);
        };
    }

    private Object operand(FieldDefinition field, String value) {
        Object typed = FieldValues.parse(field, value);
        if (typed == null) {
            throw FieldValues.invalid(field, "Enter a value to compare with");
        }
        return typed instanceof String s && field.type().textual() ? s.toLowerCase(Locale.ROOT) : typed;
    }

    private static String range(FieldDefinition field, List<String> bounds, List<Object> params) {
        String from = bounds.get(0).strip();
        String to = bounds.get(1).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw FieldValues.invalid(field, "Enter at least one bound of the range");
        }
        List<String> parts = new ArrayList<>();
        boolean time = field.type() == FieldType.DATE_TIME;
        if (!from.isEmpty()) {
            params.add(time ? FieldValues.rangeBound(field, from, false) : FieldValues.parse(field, from));
            parts.add(field.column() + " >= ?");
        }
        if (!to.isEmpty()) {
            params.add(time ? FieldValues.rangeBound(field, to, true) : FieldValues.parse(field, to));
            parts.add(field.column() + (time && to.length() == 10 ? " < ?" : " <= ?"));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    private static String in(FieldDefinition field, List<String> values, List<Object> params) {
        Set<String> distinct = new LinkedHashSet<>(values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        if (distinct.isEmpty()) {
            throw FieldValues.invalid(field, "Choose at least one value");
        }
        if (field.type() == FieldType.MULTI_PICKLIST) {
            distinct.forEach(v -> params.add("%|" + escapeLike(v) + "|%"));
            return "(" + distinct.stream().map(v -> field.column() + " LIKE ? ESCAPE '\\'")
                    .collect(Collectors.joining(" OR ")) + ")";
        }
        params.addAll(distinct);
        return field.column() + " IN (" + placeholders(distinct.size()) + ")";
    }

    /**
     * @return the sort keys of a list: the query's, else the type's default (the id follows them). Keys that begin
     *     the default order (all the same way, or all the other way) are completed to the whole default order, so that
     *     {@code sort=lastName} reads the default order's index instead of sorting every row of a last name by id
     */
    List<SortOrder> sortKeys(List<SortOrder> sort) {
        List<SortOrder> fallback = type.defaultSort();
        if (sort.isEmpty()) {
            return fallback;
        }
        if (sort.size() >= fallback.size()) {
            return sort;
        }
        boolean same = true;
        boolean reversed = true;
        for (int i = 0; i < sort.size(); i++) {
            SortOrder key = sort.get(i);
            SortOrder usual = fallback.get(i);
            same &= key.field().equals(usual.field()) && key.ascending() == usual.ascending();
            reversed &= key.field().equals(usual.field()) && key.ascending() != usual.ascending();
        }
        if (same) {
            return fallback;
        }
        return reversed ? fallback.stream().map(key -> new SortOrder(key.field(), !key.ascending())).toList() : sort;
    }

    private String orderBy(List<SortOrder> sort) {
        List<SortOrder> keys = sortKeys(sort);
        List<String> terms = new ArrayList<>();
        // The id, last key of every order index, runs the way the first key runs: a list sorted by a field
        // descending reads an index backwards (PostgreSQL) or a descending index (Derby) instead of sorting.
        boolean idAscending = keys.isEmpty() || keys.get(0).ascending();
        for (SortOrder key : keys) {
            FieldDefinition field = field(key.field());
            if (!field.sortable()) {
                throw FieldValues.invalid(field, "Lists cannot be sorted by this field");
            }
            terms.add(field.column() + (key.ascending() ? " ASC" : " DESC"));
        }
        terms.add(idAscending ? "ID ASC" : "ID DESC");
        return " ORDER BY " + String.join(", ", terms);
    }

    private FieldDefinition field(String name) {
        FieldDefinition field = byName.get(name);
        if (field == null) {
            throw unknownField(type, name);
        }
        return field;
    }

    /** @return the error for a field name the record type does not have */
    static ValidationException unknownField(RecordType type, String name) {
        return new ValidationException(List.of(new FieldError(name, type.pluralLabel() + " have no field \"" + name
                + "\"")));
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** @return the text with LIKE's wildcards and the escape character escaped by a backslash */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
