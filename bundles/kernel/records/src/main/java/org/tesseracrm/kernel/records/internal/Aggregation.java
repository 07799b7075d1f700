package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * One {@link Records#aggregate}: checks the groupings and measures, reads the groups in one grouped SELECT over the
 * list's rows ({@link RecordSql#where}: the same visibility, text and filters), then rolls days up into the date
 * buckets, labels and orders the rows.
 *
 * <p>SQL that runs unchanged on Derby (no date_trunc, no time zones) and PostgreSQL: a date groups by its day, a
 * date-time by its UTC day and the range of UTC times of day that tells its day in the caller's time zone
 * ({@link #ranges}); weeks, months, quarters and years are rolled up from the days here, so a day-grouped read of a
 * million rows gives a few thousand groups at most. A field of a looked-up record comes through a LEFT JOIN of
 * the looked-up type's visible rows, so a record the caller does not see counts as "no value".
 */
final class Aggregation {
    /** The most groups the grouped SELECT may return before the roll-up: beyond, the report is refused. */
    static final int RAW_ROWS_MAX = 200_000;
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2100;
    private static final int MAX_GROUPINGS = 2;
    private static final int AVERAGE_SCALE = 4;

    /** How a grouping's values are read, compared and labelled. */
    private enum Kind {
        CHOICE, USER, TEXT, NUMBER, BOOLEAN, LOOKUP, DATE, DATE_TIME
    }

    /** A checked grouping. */
    private record Level(RecordSql.Path path, Kind kind, Optional<DateBucket> bucket) {
    }

    private final RecordSql sql;
    private final List<Level> levels;
    private final List<Measure> measures;
    /** Per measure, the field it reads; null for a count of records. */
    private final List<RecordSql.Path> measured;
    private final ZoneId zone;
    private final Locale locale;
    /** The UTC times of day that start the ranges a date-time's day is read in ({@link #ranges}). */
    private final List<LocalTime> starts;

    private Aggregation(RecordSql sql, List<Level> levels, List<Measure> measures, List<RecordSql.Path> measured,
            ZoneId zone, Locale locale) {
        this.sql = sql;
        this.levels = levels;
        this.measures = measures;
        this.measured = measured;
        this.zone = zone;
        this.locale = locale;
        this.starts = ranges(zone);
    }

    /**
     * @param sql the SQL of the record type aggregated, reaching its lookups' types
     * @param groups 0 to 2 groupings
     * @param measures 1 to {@link Records#MAX_MEASURES} measures; may be empty when only filters are wanted
     * @param zone the caller's time zone
     * @param locale the caller's locale, for day labels
     * @return the checked aggregation
     * @throws ValidationException naming the grouping or measure that cannot be computed
     */
    static Aggregation of(RecordSql sql, List<Grouping> groups, List<Measure> measures, ZoneId zone, Locale locale) {
        if (groups.size() > MAX_GROUPINGS) {
            throw invalid("groups", "A report groups by at most two fields");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (Grouping grouping : groups) {
            try {
                levels.add(level(sql, grouping));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<RecordSql.Path> measured = new ArrayList<>();
        if (measures.size() > Records.MAX_MEASURES) {
            errors.add(new FieldError("measures", "A report computes at most " + Records.MAX_MEASURES + " figures"));
        }
        for (Measure measure : measures) {
            try {
                measured.add(measure.field().isEmpty() ? null : measured(sql, measure));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Aggregation(sql, List.copyOf(levels), List.copyOf(measures), measured, zone, locale);
    }

    private static Level level(RecordSql sql, Grouping grouping) {
        RecordSql.Path path = sql.path(grouping.field());
        FieldDefinition field = path.field();
        Kind kind = switch (field.type()) {
            case PICKLIST -> Kind.CHOICE;
            case USER -> Kind.USER;
            case TEXT, EMAIL, PHONE, URL -> Kind.TEXT;
            case NUMBER, MONEY -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case LOOKUP -> Kind.LOOKUP;
            case DATE -> Kind.DATE;
            case DATE_TIME -> Kind.DATE_TIME;
            case LONG_TEXT, MULTI_PICKLIST -> throw invalid(grouping.field(), "Reports cannot group by \""
                    + label(path) + "\": choose a pick-list, user, date, number, yes/no, lookup or short text field");
        };
        boolean dated = kind == Kind.DATE || kind == Kind.DATE_TIME;
        if (dated && grouping.bucket().isEmpty()) {
            throw invalid(grouping.field(), "Choose the period to group \"" + label(path)
                    + "\" by: day, week, month, quarter or year");
        }
        if (!dated && grouping.bucket().isPresent()) {
            throw invalid(grouping.field(), "\"" + label(path) + "\" is not a date: it is grouped by its values,"
                    + " without a period");
        }
        if (kind == Kind.LOOKUP && path.via().isPresent()) {
            throw invalid(grouping.field(), "Reports cannot group by \"" + label(path) + "\": a lookup of a looked-up"
                    + " record goes two levels deep");
        }
        return new Level(path, kind, grouping.bucket());
    }

    private static RecordSql.Path measured(RecordSql sql, Measure measure) {
        String name = measure.field().orElseThrow();
        RecordSql.Path path = sql.path(name);
        FieldType type = path.field().type();
        boolean number = type == FieldType.NUMBER || type == FieldType.MONEY;
        boolean date = type == FieldType.DATE || type == FieldType.DATE_TIME;
        switch (measure.aggregate()) {
            case SUM, AVG -> {
                if (!number) {
                    throw invalid(name, "\"" + label(path) + "\" is not a number: choose a number or amount field to "
                            + (measure.aggregate() == Aggregate.SUM ? "sum" : "average"));
                }
            }
            case MIN, MAX -> {
                if (!number && !date) {
                    throw invalid(name, "\"" + label(path) + "\" is neither a number nor a date: its smallest or"
                            + " largest value cannot be computed");
                }
            }
            case COUNT -> {
                // records holding a value of any field
            }
        }
        return path;
    }

    private static String label(RecordSql.Path path) {
        return path.via().map(via -> via.label() + " › ").orElse("") + path.field().label();
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    /** The groups as the grouped SELECT gives them, before the roll-up. */
    record Raw(List<Optional<String>> keys, List<String> texts, long count, List<BigDecimal[]> parts) {
    }

    /**
     * @return the grouped SELECT of the query's rows: per group of day and value, the keys (K0, K1), for text keys
     *     the text as written (one of the group's), then each measure's partial figures
     */
    Sql select(Connection c, RecordQuery query, Visibility visible) throws SQLException {
        List<Object> params = new ArrayList<>(); // those of the inner select list first, then joins and WHERE
        Map<String, String> aliases = new LinkedHashMap<>(); // lookup field name -> join alias
        Map<String, List<String>> joined = new LinkedHashMap<>(); // join alias -> target columns
        Map<String, RecordSql> targets = new HashMap<>();
        List<String> inner = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String ref = ref(level.path(), aliases, joined, targets);
            inner.add(key(level, ref) + " AS K" + i);
            if (zoned(level)) {
                inner.add(range(ref, 0, starts.size() - 1, params) + " AS R" + i);
            }
            if (level.kind() == Kind.TEXT) {
                inner.add(ref + " AS L" + i);
            }
        }
        Map<String, Integer> measureColumns = new LinkedHashMap<>();
        for (RecordSql.Path path : measured) {
            if (path != null && !measureColumns.containsKey(path.name())) {
                measureColumns.put(path.name(), measureColumns.size());
                inner.add(ref(path, aliases, joined, targets) + " AS M" + (measureColumns.size() - 1));
            }
        }
        if (inner.isEmpty()) {
            inner.add("1 AS ONE");
        }
        StringBuilder from = new StringBuilder(" FROM ").append(sql.type().table()).append(" B");
        for (Map.Entry<String, String> join : aliases.entrySet()) {
            String alias = join.getValue();
            RecordSql target = targets.get(alias);
            List<String> columns = joined.get(alias);
            StringBuilder select = new StringBuilder("SELECT ID AS ").append(alias).append("_ID");
            for (int i = 0; i < columns.size(); i++) {
                select.append(", ").append(columns.get(i)).append(" AS ").append(alias).append('_').append(i);
            }
            select.append(" FROM ").append(target.type().table())
                    .append(target.visibleCondition(visible, params, " WHERE "));
            String via = sql.path(join.getKey()).field().column();
            from.append(" LEFT JOIN (").append(select).append(") ").append(alias).append(" ON ").append(alias)
                    .append('.').append(alias).append("_ID = B.").append(via);
        }
        String where = sql.where(c, query, visible, params);
        List<String> outer = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            outer.add("K" + i);
            if (zoned(levels.get(i))) {
                outer.add("R" + i);
            }
        }
        List<String> grouped = List.copyOf(outer);
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).kind() == Kind.TEXT) {
                outer.add("MIN(L" + i + ")");
            }
        }
        outer.add("COUNT(*)");
        for (int m = 0; m < measures.size(); m++) {
            RecordSql.Path path = measured.get(m);
            if (path == null) {
                continue; // the count of records
            }
            String column = "M" + measureColumns.get(path.name());
            outer.addAll(switch (measures.get(m).aggregate()) {
                case COUNT -> List.of("COUNT(" + column + ")");
                case SUM -> List.of("SUM(" + column + ")");
                case MIN -> List.of("MIN(" + column + ")");
                case MAX -> List.of("MAX(" + column + ")");
                case AVG -> List.of("SUM(" + column + ")", "COUNT(" + column + ")");
            });
        }
        String text = "SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", inner) + from
                + where + ") X" + (levels.isEmpty() ? "" : " GROUP BY " + String.join(", ", grouped));
        return new Sql(text, params);
    }

    /** @return the column a path reads, in the base table B or its lookup's join */
    private static String ref(RecordSql.Path path, Map<String, String> aliases, Map<String, List<String>> joined,
            Map<String, RecordSql> targets) {
        if (path.via().isEmpty()) {
            return "B." + path.field().column();
        }
        String alias = aliases.computeIfAbsent(path.via().get().name(), name -> "AGG_J" + aliases.size());
        targets.putIfAbsent(alias, path.target().orElseThrow());
        List<String> columns = joined.computeIfAbsent(alias, a -> new ArrayList<>());
        int at = columns.indexOf(path.field().column());
        if (at < 0) {
            columns.add(path.field().column());
            at = columns.size() - 1;
        }
        return alias + "." + alias + "_" + at;
    }

    /** @return the SQL of a grouping's key: text lower-cased, a date-time as its UTC day (see {@link #ranges}) */
    private static String key(Level level, String ref) {
        return switch (level.kind()) {
            case TEXT -> "LOWER(" + ref + ")";
            case DATE_TIME -> "CAST(" + ref + " AS DATE)";
            default -> ref;
        };
    }

    /** @return whether the grouping is a date-time whose day in the caller's zone differs from its UTC day */
    private boolean zoned(Level level) {
        return level.kind() == Kind.DATE_TIME && starts.size() > 1;
    }

    /**
     * A date-time is grouped by its UTC day and the range of UTC times of day it falls in; the ranges start at
     * midnight and at every time of day at which the caller's day begins (midnight in the zone, in UTC: 23:00 and
     * 22:00 for Berlin), between {@value #FIRST_YEAR} and {@value #LAST_YEAR}, and at a time of day the zone's offset
     * changes where the day differs before and after the change. Within one range of one day the local day is one,
     * that of the range's start ({@link #localDay}). Portable and cheap: a CAST to DATE, one to TIME and a few comparisons
     * with bound TIME parameters per row. (Adding the zone's offset to each timestamp, from a CASE over the zone's
     * offset changes, took 6 s for a million rows on Derby; Derby converts a literal again for every row, so the
     * times are parameters.)
     *
     * @return the starts of the ranges, midnight first; only midnight for UTC
     */
    static List<LocalTime> ranges(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant first = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant last = LocalDate.of(LAST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        TreeSet<LocalTime> midnights = new TreeSet<>(List.of(LocalTime.MIDNIGHT));
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        Set<ZoneOffset> offsets = new HashSet<>(List.of(rules.getOffset(first)));
        for (ZoneOffsetTransition t = rules.nextTransition(first); t != null && t.getInstant().isBefore(last);
                t = rules.nextTransition(t.getInstant())) {
            changes.add(t);
            offsets.add(t.getOffsetAfter());
        }
        // the caller's midnight in UTC: 24h - offset for a zone ahead of UTC, -offset for one behind
        offsets.forEach(offset -> midnights.add(LocalTime.MIDNIGHT.minusSeconds(offset.getTotalSeconds())));
        TreeSet<LocalTime> starts = new TreeSet<>(midnights);
        for (ZoneOffsetTransition change : changes) {
            // a change starts a range only where the day it gives differs before and after it (Berlin's changes at
            // 01:00 UTC fall where both offsets give the UTC day: no range of their own)
            LocalTime at = LocalTime.ofInstant(change.getInstant(), ZoneOffset.UTC);
            LocalTime start = midnights.floor(at);
            if (shift(start, change.getOffsetBefore()) != shift(start, change.getOffsetAfter())) {
                starts.add(at);
            }
        }
        return List.copyOf(starts);
    }

    /** @return how many days a UTC time of day is ahead (or behind, negative) in a zone at that offset */
    private static long shift(LocalTime utc, ZoneOffset offset) {
        return Math.floorDiv(utc.toSecondOfDay() + (long) offset.getTotalSeconds(), 24L * 3600);
    }

    /** @return the index of the range (of {@link #starts} from..to) the column's UTC time of day falls in */
    private String range(String column, int from, int to, List<Object> params) {
        if (from == to) {
            return String.valueOf(from);
        }
        int middle = (from + to + 1) / 2;
        params.add(starts.get(middle));
        String lower = range(column, from, middle - 1, params);
        return "CASE WHEN CAST(" + column + " AS TIME) < ? THEN " + lower + " ELSE " + range(column, middle, to, params)
                + " END";
    }

    /**
     * @param utcDay the UTC day of a group of date-times
     * @param range the range of UTC times of day they fall in
     * @return their day in the caller's zone: that of the range's start
     */
    private LocalDate localDay(LocalDate utcDay, int range) {
        return LocalDate.ofInstant(utcDay.atTime(starts.get(range)).toInstant(ZoneOffset.UTC), zone);
    }

    /**
     * Runs the grouped SELECT and rolls its days up into the buckets.
     *
     * @return the groups by their final keys, in the order read
     * @throws ValidationException if there are more than {@link Records#MAX_AGGREGATE_ROWS} groups
     */
    Map<List<Optional<String>>, Raw> read(Connection c, RecordQuery query, Visibility visible) throws SQLException {
        Sql select = select(c, query, visible);
        Map<List<Optional<String>>, Raw> groups = new LinkedHashMap<>();
        int read = 0;
        try (PreparedStatement s = c.prepareStatement(select.text())) {
            s.setFetchSize(1000);
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (++read > RAW_ROWS_MAX) {
                        throw tooMany();
                    }
                    Raw raw = raw(rs);
                    groups.merge(raw.keys(), raw, this::together);
                    if (groups.size() > Records.MAX_AGGREGATE_ROWS) {
                        throw tooMany();
                    }
                }
            }
        }
        return groups;
    }

    private static ValidationException tooMany() {
        return invalid("groups", "This report has more than " + String.format(Locale.ROOT, "%,d",
                Records.MAX_AGGREGATE_ROWS) + " rows: narrow the filters, or group dates by a longer period");
    }

    private Raw raw(ResultSet rs) throws SQLException {
        List<Optional<String>> keys = new ArrayList<>();
        int column = 1;
        for (Level level : levels) {
            keys.add(key(rs, column++, level));
            if (zoned(level) && keys.get(keys.size() - 1).isPresent()) {
                LocalDate day = localDay(LocalDate.parse(keys.get(keys.size() - 1).get()), rs.getInt(column));
                keys.set(keys.size() - 1, Optional.of(start(day, level.bucket().orElseThrow()).toString()));
            }
            column += zoned(level) ? 1 : 0;
        }
        List<String> texts = new ArrayList<>();
        for (Level level : levels) {
            texts.add(level.kind() == Kind.TEXT ? rs.getString(column++) : null);
        }
        long count = rs.getLong(column++);
        List<BigDecimal[]> parts = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            RecordSql.Path path = measured.get(m);
            if (path == null) {
                parts.add(new BigDecimal[] {BigDecimal.valueOf(count)});
                continue;
            }
            Aggregate aggregate = measures.get(m).aggregate();
            if (aggregate == Aggregate.AVG) {
                BigDecimal sum = rs.getBigDecimal(column++);
                parts.add(new BigDecimal[] {sum, BigDecimal.valueOf(rs.getLong(column++))});
            } else if (aggregate == Aggregate.COUNT) {
                parts.add(new BigDecimal[] {BigDecimal.valueOf(rs.getLong(column++))});
            } else {
                parts.add(new BigDecimal[] {number(rs, column++, path.field().type())});
            }
        }
        return new Raw(keys, texts, count, parts);
    }

    /** @return a number, a date as epoch days, a date-time as epoch milliseconds; null for none */
    private static BigDecimal number(ResultSet rs, int column, FieldType type) throws SQLException {
        return switch (type) {
            case DATE -> {
                Date date = rs.getDate(column);
                yield date == null ? null : BigDecimal.valueOf(date.toLocalDate().toEpochDay());
            }
            case DATE_TIME -> {
                Timestamp time = rs.getTimestamp(column);
                yield time == null ? null
                        : BigDecimal.valueOf(time.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli());
            }
            default -> rs.getBigDecimal(column);
        };
    }

    private Optional<String> key(ResultSet rs, int column, Level level) throws SQLException {
        String key = switch (level.kind()) {
            case DATE, DATE_TIME -> {
                Date day = rs.getDate(column); // a zoned date-time's UTC day, moved to the caller's by raw()
                yield day == null ? null : zoned(level) ? day.toLocalDate().toString()
                        : start(day.toLocalDate(), level.bucket().orElseThrow()).toString();
            }
            case NUMBER -> {
                BigDecimal number = rs.getBigDecimal(column);
                yield number == null ? null : plain(number).toPlainString();
            }
            case BOOLEAN -> {
                boolean yes = rs.getBoolean(column);
                yield rs.wasNull() ? null : String.valueOf(yes);
            }
            case LOOKUP -> {
                long id = rs.getLong(column);
                yield rs.wasNull() ? null : String.valueOf(id);
            }
            default -> rs.getString(column);
        };
        return key == null || key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** @return two parts of one group (days of one month, NULL and '' of one text) as one */
    private Raw together(Raw a, Raw b) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < a.texts().size(); i++) {
            String x = a.texts().get(i);
            String y = b.texts().get(i);
            texts.add(x == null ? y : y == null || x.compareTo(y) <= 0 ? x : y);
        }
        List<BigDecimal[]> parts = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            BigDecimal[] x = a.parts().get(m);
            BigDecimal[] y = b.parts().get(m);
            Aggregate aggregate = measured.get(m) == null ? Aggregate.COUNT : measures.get(m).aggregate();
            parts.add(switch (aggregate) {
                case COUNT -> new BigDecimal[] {x[0].add(y[0])};
                case SUM -> new BigDecimal[] {add(x[0], y[0])};
                case AVG -> new BigDecimal[] {add(x[0], y[0]), x[1].add(y[1])};
                case MIN -> new BigDecimal[] {x[0] == null ? y[0] : y[0] == null || x[0].compareTo(y[0]) <= 0 ? x[0]
                        : y[0]};
                case MAX -> new BigDecimal[] {x[0] == null ? y[0] : y[0] == null || x[0].compareTo(y[0]) >= 0 ? x[0]
                        : y[0]};
            });
        }
        return new Raw(a.keys(), texts, a.count() + b.count(), parts);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /**
     * @param groups what {@link #read} returned
     * @param pickLists the values of a pick-list by record type and field, in the admin's order
     * @param titles what {@link Records#shownTitles} gives for records of a type
     * @return the rows, labelled and in order
     */
    List<AggregateRow> rows(Map<List<Optional<String>>, Raw> groups,
            BiFunction<String, String, List<PickListValue>> pickLists,
            BiFunction<String, Collection<Long>, Map<Long, String>> titles) {
        List<Map<Long, String>> lookupTitles = new ArrayList<>();
        List<Comparator<Optional<String>>> orders = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            int at = i;
            Map<Long, String> shown = Map.of();
            if (level.kind() == Kind.LOOKUP) {
                List<Long> ids = groups.keySet().stream().map(k -> k.get(at)).flatMap(Optional::stream)
                        .map(Long::valueOf).distinct().toList();
                shown = ids.isEmpty() ? Map.of() : titles.apply(level.path().field().lookupType().orElseThrow(), ids);
            }
            lookupTitles.add(shown);
            orders.add(order(level, shown, pickLists));
        }
        List<Raw> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> {
            for (int i = 0; i < levels.size(); i++) {
                int compared = orders.get(i).compare(a.keys().get(i), b.keys().get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        });
        List<AggregateRow> rows = new ArrayList<>();
        for (Raw raw : sorted) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                labels.add(label(levels.get(i), raw.keys().get(i), raw.texts().get(i), lookupTitles.get(i)));
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int m = 0; m < measures.size(); m++) {
                values.add(value(m, raw.parts().get(m)));
            }
            rows.add(new AggregateRow(raw.keys(), labels, values));
        }
        return rows;
    }

    private BigDecimal value(int m, BigDecimal[] part) {
        Aggregate aggregate = measured.get(m) == null ? Aggregate.COUNT : measures.get(m).aggregate();
        return switch (aggregate) {
            case COUNT, MIN, MAX -> plain(part[0]);
            case SUM -> part[0] == null ? BigDecimal.ZERO : plain(part[0]);
            case AVG -> part[1].signum() == 0 || part[0] == null ? null
                    : plain(part[0].divide(part[1], AVERAGE_SCALE, RoundingMode.HALF_UP));
        };
    }

    /** @return 12.5 for 12.5000, 1200 for 1200.0000; null stays null */
    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Comparator<Optional<String>> order(Level level, Map<Long, String> shown,
            BiFunction<String, String, List<PickListValue>> pickLists) {
        Comparator<String> values = switch (level.kind()) {
            case CHOICE -> {
                String typeId = level.path().target().map(t -> t.type().id()).orElse(sql.type().id());
                List<String> admin = pickLists.apply(typeId, level.path().field().name()).stream()
                        .map(PickListValue::value).toList();
                yield Comparator.<String>comparingInt(v -> admin.contains(v) ? admin.indexOf(v) : admin.size())
                        .thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());
            }
            case DATE, DATE_TIME -> Comparator.naturalOrder(); // ISO days
            case NUMBER -> Comparator.<String, BigDecimal>comparing(BigDecimal::new);
            case BOOLEAN -> Comparator.comparing(Boolean::valueOf);
            case LOOKUP -> Comparator.<String, String>comparing(v -> shown.getOrDefault(Long.valueOf(v), v),
                    String.CASE_INSENSITIVE_ORDER).thenComparing((String v) -> Long.valueOf(v));
            default -> Comparator.<String, String>comparing(v -> v, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Comparator.naturalOrder());
        };
        return (a, b) -> a.isEmpty() || b.isEmpty() ? Boolean.compare(a.isEmpty(), b.isEmpty())
                : values.compare(a.get(), b.get());
    }

    private String label(Level level, Optional<String> key, String text, Map<Long, String> shown) {
        if (key.isEmpty()) {
            return AggregateRow.NONE;
        }
        String value = key.get();
        return switch (level.kind()) {
            case TEXT -> text == null ? value : text;
            case BOOLEAN -> Boolean.parseBoolean(value) ? "Yes" : "No";
            case LOOKUP -> shown.getOrDefault(Long.valueOf(value), value);
            case DATE, DATE_TIME -> bucketLabel(LocalDate.parse(value), level.bucket().orElseThrow(), locale);
            default -> value;
        };
    }

    /**
     * @param day a day
     * @param bucket a period
     * @return the first day of the period holding the day (an ISO week starts on Monday)
     */
    static LocalDate start(LocalDate day, DateBucket bucket) {
        return switch (bucket) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** @return the first day of the next period */
    static LocalDate next(LocalDate start, DateBucket bucket) {
        return switch (bucket) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** @return what users read for a period: "Mar 5, 2026" (in their locale), 2026-W05, 2026-03, Q1 2026, 2026 */
    static String bucketLabel(LocalDate start, DateBucket bucket, Locale locale) {
        return switch (bucket) {
            case DAY -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(start);
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> "Q" + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /**
     * @param keys a row's keys, one per grouping
     * @return the filters keeping exactly the row's records
     * @throws ValidationException for keys that do not fit the groupings
     */
    List<Filter> filters(List<Optional<String>> keys) {
        if (keys.size() != levels.size()) {
            throw invalid("keys", "A row of this report has " + levels.size() + " keys, not " + keys.size());
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String name = level.path().name();
            Optional<String> key = keys.get(i);
            if (key.isEmpty()) {
                filters.add(new Filter(name, FilterOp.EMPTY, List.of()));
                continue;
            }
            filters.add(switch (level.kind()) {
                case CHOICE, USER -> Filter.of(name, FilterOp.IN, key.get());
                case DATE -> {
                    LocalDate start = start(day(name, key.get()), level.bucket().orElseThrow());
                    yield new Filter(name, FilterOp.BETWEEN, List.of(start.toString(),
                            next(start, level.bucket().get()).minusDays(1).toString()));
                }
                case DATE_TIME -> {
                    LocalDate start = start(day(name, key.get()), level.bucket().orElseThrow());
                    LocalDateTime from = utc(start);
                    LocalDateTime to = utc(next(start, level.bucket().get())).minusNanos(1_000);
                    yield new Filter(name, FilterOp.BETWEEN, List.of(from.toString(), to.toString()));
                }
                default -> Filter.of(name, FilterOp.EQUALS, key.get());
            });
        }
        return filters;
    }

    /** @return the instant a day starts in the caller's zone, in UTC as date-times are stored */
    private LocalDateTime utc(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    private static LocalDate day(String field, String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid(field, "A period is keyed by its first day, like 2026-03-01, not \"" + key + "\"");
        }
    }
}
