package org.tesseracrm.kernel.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordSlice;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.ReferenceTitles;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.security.Visibility;

/** Lists, reads, creates, changes, deletes and exports the records of any record type with plain JDBC. */
@Component(service = Records.class)
public class RecordsImpl implements Records {
    private static final int FETCH_SIZE = 1000;
    private static final int ERRORS_SHOWN = 10;
    private static final int DUPLICATES_SHOWN = 10;
    /** The tables of what hangs on records (notes, files, outcomes): it goes with a deleted record, moves with a merged one. */
    private static final List<String> HANGING = List.of("CRM_NOTE", "CRM_ATTACHMENT", "CRM_TYPIFICATION");
    private static final String CONFLICT = "Someone else changed this record after you opened it. "
            + "Close it, open it again and redo your change.";

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Lifecycle lifecycle;
    private final List<Filler> referenceTitles = new CopyOnWriteArrayList<>();

    /** A module's {@link ReferenceTitles} and the record type it is registered for. */
    private record Filler(ReferenceTitles service, String recordType) {
    }

    /**
     * @param types installed record types
     * @param catalog field definitions
     * @param access the caller's permissions and visibility
     * @param audit where custom value changes are recorded
     * @param lifecycle the modules' participants and the record events
     */
    @Activate
    public RecordsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit, @Reference Lifecycle lifecycle) {
        this.types = types;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public List<RecordRow> page(String recordType, RecordQuery query) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = sql(type);
        Visibility visible = access.visibility();
        return shown(type, catalog.jdbc().inTransaction(c -> sql.rows(c, sql.select(c, query, visible, true))));
    }

    /**
     * Reads by keyset: the cursor holds the last row's sort-key values and id ({@link Keyset}), and the next page
     * is the rows after them in the list's order ({@link RecordSql#slice}), read through the order index from
     * there; so the last page of a million rows costs what the first does. Every order a list accepts is by stored
     * columns (a lookup sorts by the id it holds, not by the title shown), so no order needs the offset cursor of
     * the default method.
     */
    @Override
    public RecordSlice slice(String recordType, RecordQuery query, Optional<String> cursor) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = sql(type);
        Visibility visible = access.visibility();
        List<SortOrder> keys = sql.sortKeys(query.sort());
        Optional<Keyset> after = cursor.map(text -> Keyset.of(text, type.id(), keys, query));
        RecordSql.Slice slice = catalog.jdbc().inTransaction(c -> sql.slice(c, query, visible, after));
        return new RecordSlice(shown(type, slice.rows()), slice.next().map(at -> at.cursor(type.id(), keys, query)));
    }

    @Override
    public long count(String recordType, RecordQuery query, long atMost) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = sql(type);
        Visibility visible = access.visibility();
        return catalog.jdbc().inTransaction(c -> {
            Sql count = sql.count(c, query, visible, atMost);
            try (PreparedStatement s = c.prepareStatement(count.text())) {
                count.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * One grouped read ({@link RecordSql#groups}); NULL and the empty text a predefined column holds are both "no
     * value". The groups are then put in column order: the pick-list's values as the admin ordered them, or the
     * users by name.
     */
    @Override
    public List<RecordGroup> groups(String recordType, RecordQuery query, String groupField, List<String> sumFields) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = sql(type);
        FieldDefinition by = catalog.field(type, groupField);
        if (by.type() != FieldType.PICKLIST && by.type() != FieldType.USER) {
            throw new ValidationException(List.of(new FieldError(groupField, "Lists cannot be grouped by \""
                    + by.label() + "\": choose a pick-list or a user")));
        }
        List<FieldDefinition> summed = new ArrayList<>();
        for (String name : sumFields) {
            FieldDefinition field = catalog.field(type, name);
            if (field.type() != FieldType.NUMBER && field.type() != FieldType.MONEY) {
                throw new ValidationException(List.of(new FieldError(name, "\"" + field.label() + "\" is not a number")));
            }
            if (!summed.contains(field)) {
                summed.add(field);
            }
        }
        Visibility visible = access.visibility();
        Map<String, RecordGroup> found = catalog.jdbc().inTransaction(c -> {
            Sql select = sql.groups(c, query, visible, by, summed);
            Map<String, RecordGroup> read = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(select.text())) {
                select.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        String key = value == null ? "" : value;
                        Map<String, BigDecimal> sums = new LinkedHashMap<>();
                        for (int i = 0; i < summed.size(); i++) {
                            BigDecimal sum = rs.getBigDecimal(3 + i);
                            sums.put(summed.get(i).name(), sum == null ? BigDecimal.ZERO : sum);
                        }
                        RecordGroup group = new RecordGroup(key.isEmpty() ? Optional.empty() : Optional.of(key),
                                rs.getLong(2), sums);
                        read.merge(key, group, RecordsImpl::together); // NULL and '' are both "none"
                    }
                }
            }
            return read;
        });
        List<String> order = new ArrayList<>();
        if (by.type() == FieldType.PICKLIST) {
            catalog.pickList(type.id(), by.name()).stream().filter(v -> v.active() || found.containsKey(v.value()))
                    .forEach(v -> order.add(v.value()));
        }
        found.keySet().stream().filter(v -> !v.isEmpty() && !order.contains(v))
                .sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder()))
                .forEach(order::add);
        if (found.containsKey("")) {
            order.add("");
        }
        Map<String, BigDecimal> zero = new LinkedHashMap<>();
        summed.forEach(f -> zero.put(f.name(), BigDecimal.ZERO));
        return order.stream().map(v -> found.getOrDefault(v, new RecordGroup(Optional.of(v), 0, zero))).toList();
    }

    /** @return the types the caller's filters and reports reach through lookups ({@link RecordSql#targets}) */
    private RecordSql.Targets targets() {
        return RecordSql.targets(types, catalog, access);
    }

    /** @return the SQL of the type's lists, whose filters reach the fields of its lookups' types */
    private RecordSql sql(RecordType type) {
        return new RecordSql(type, catalog.fields(type), catalog.search(), targets());
    }

    /** @return the caller's time zone and locale; UTC and US English without the settings service */
    private RegionalSettings regional() {
        UserSettings known = settings;
        return known == null ? RegionalSettings.DEFAULT : known.regional();
    }

    /**
     * Checks the groupings and measures ({@link Aggregation#of}), reads the groups in one grouped SELECT under the
     * caller's visibility, text and filters, then rolls days up into periods, labels and orders them.
     */
    @Override
    public List<AggregateRow> aggregate(String recordType, RecordQuery query, List<Grouping> groups,
            List<Measure> measures) {
        RecordType type = types.allowed(recordType, access, "view");
        if (measures.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("measures", "Choose at least one figure to compute,"
                    + " such as the number of records")));
        }
        RegionalSettings regional = regional();
        Aggregation aggregation = Aggregation.of(sql(type), groups, measures, regional.zone(), regional.locale());
        Visibility visible = access.visibility();
        return aggregation.rows(catalog.jdbc().inTransaction(c -> aggregation.read(c, query, visible)),
                catalog::pickList, this::shownTitles);
    }

    @Override
    public List<Filter> aggregateFilters(String recordType, List<Grouping> groups, List<Optional<String>> keys) {
        RecordType type = types.allowed(recordType, access, "view");
        RegionalSettings regional = regional();
        return Aggregation.of(sql(type), groups, List.of(), regional.zone(), regional.locale()).filters(keys);
    }

    private static RecordGroup together(RecordGroup a, RecordGroup b) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>(a.sums());
        b.sums().forEach((field, sum) -> sums.merge(field, sum, BigDecimal::add));
        return new RecordGroup(a.value(), a.count() + b.count(), sums);
    }

    @Override
    public Optional<RecordRow> get(String recordType, long id) {
        RecordType type = types.allowed(recordType, access, "view");
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        return catalog.jdbc().inTransaction(c -> read(c, sql, id, visible)).map(row -> shown(type, List.of(row)).get(0));
    }

    @Override
    public List<RecordRow> get(String recordType, List<Long> ids) {
        RecordType type = types.allowed(recordType, access, "view");
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, RecordRow> found = new HashMap<>();
        catalog.jdbc().inTransaction(c -> sql.rowsByIds(c, wanted, visible)).forEach(row -> found.put(row.id(), row));
        return shown(type, wanted.stream().map(found::get).filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public RecordRow create(String recordType, RecordValues values) {
        RecordType type = types.require(recordType);
        String caller = access.require(type.moduleId() + ".create").username();
        IdGenerator ids = type.ids().orElseThrow(() -> new ValidationException(List.of(new FieldError("",
                type.pluralLabel() + " cannot be created here: their module does not support it."))));
        Object named = values.texts().containsKey("owner") ? values.texts().get("owner")
                : values.value("owner").orElse(null);
        String owner = named == null || named.toString().isBlank() ? caller : named.toString().strip();
        if (!owner.equals(caller)) {
            access.checkAssignable(owner);
        }
        List<FieldDefinition> fields = catalog.fields(type);
        Map<FieldDefinition, Object> changes = parse(type, values, false, "owner");
        fields.stream().filter(ImportPlan::isOwner).forEach(f -> changes.put(f, owner));
        fields.stream().filter(f -> !f.custom() && !changes.containsKey(f))
                .forEach(f -> type.defaultValue(f.name()).ifPresent(value -> changes.put(f, value)));
        List<FieldError> errors = new ArrayList<>(RecordRules.check(type,
                RecordRules.merged(fields, new RecordRow(0, 0, Map.of()), changes), null,
                field -> catalog.pickList(type.id(), field.name())));
        errors.addAll(lookupErrors(changes));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = catalog.jdbc().reserveIds(ids, 1);
        RecordSql sql = new RecordSql(type, fields);
        List<FieldDefinition> data = fields.stream().filter(ImportPlan::isData).toList();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Map<String, Object> proposed = new LinkedHashMap<>();
        changes.forEach((field, value) -> proposed.put(field.name(), value));
        return catalog.jdbc().inTransaction(c -> {
            lifecycle.call(type.id(), p -> p.beforeCreate(change(c, type, id, caller, proposed.keySet(), null,
                    new RecordRow(id, 0, proposed))));
            try (PreparedStatement insert = c.prepareStatement(sql.insert(data))) {
                Sql.bind(insert, RecordSql.insertParams(id, owner, now, data, changes));
                insert.executeUpdate();
            }
            SearchTerms.written(c, catalog.search(), type, id, id);
            RecordRow inserted = read(c, sql, id, RecordSql.EVERYONE).orElseThrow();
            lifecycle.call(type.id(), p -> p.afterCreate(change(c, type, id, caller, inserted.values().keySet(), null,
                    inserted)));
            RecordRow created = reread(c, sql, type, "afterCreate", inserted, RecordSql.EVERYONE);
            audit.record(new RecordChange(type.moduleId(), type.id(), id, type.title(created), owner,
                    AuditAction.CREATE, Map.of(), texts(created)));
            lifecycle.post(catalog.jdbc().scope(), type.id(), List.of(id), RecordEvents.CREATED, caller,
                    created.values().keySet(), null);
            return created;
        });
    }

    @Override
    public List<RecordRef> lookup(String recordType, String text, int limit) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        Sql select = sql.select(RecordQuery.page(0, Math.max(1, limit)).withText(text), access.visibility(), true);
        return catalog.jdbc().inTransaction(c -> sql.rows(c, select)).stream()
                .map(row -> new RecordRef(type.id(), row.id(), type.title(row))).toList();
    }

    @Override
    public Map<Long, String> titles(String recordType, Collection<Long> ids) {
        Optional<RecordType> allowed = types.find(recordType).filter(t -> access.permitted(t.moduleId() + ".view"));
        if (allowed.isEmpty() || ids.isEmpty()) {
            return new HashMap<>();
        }
        RecordType type = allowed.get();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        Visibility visible = access.visibility();
        Map<Long, String> titles = new HashMap<>();
        catalog.jdbc().inTransaction(c -> sql.rowsByIds(c, ids.stream().filter(java.util.Objects::nonNull).distinct()
                .toList(), visible)).forEach(row -> titles.put(row.id(), type.title(row)));
        return titles;
    }

    @Override
    public Map<Long, String> shownTitles(String recordType, Collection<Long> ids) {
        return Titles.shown(ids, titles(recordType, ids), id -> types.neutralTitle(recordType, id));
    }

    /**
     * @param rows rows of the type as stored
     * @return the rows with the values its {@link ReferenceTitles} give the caller instead of the stored ones
     */
    private List<RecordRow> shown(RecordType type, List<RecordRow> rows) {
        List<ReferenceTitles> fillers = referenceTitles.stream().filter(r -> r.recordType().equals(type.id()))
                .map(Filler::service).toList();
        if (rows.isEmpty() || fillers.isEmpty()) {
            return rows;
        }
        List<RecordRow> shown = rows;
        for (ReferenceTitles filler : fillers) {
            List<RecordRow> these = shown;
            Map<Long, Map<String, Object>> values = types.guard() // a failing filler leaves the stored names
                    .call(filler, "titles", () -> filler.titles(type.id(), these, this)).orElse(Map.of());
            shown = shown.stream().map(row -> {
                Map<String, Object> replaced = values.get(row.id());
                if (replaced == null || replaced.isEmpty()) {
                    return row;
                }
                Map<String, Object> all = new LinkedHashMap<>(row.values());
                all.putAll(replaced);
                all.values().removeIf(java.util.Objects::isNull);
                return new RecordRow(row.id(), row.version(), all);
            }).toList();
        }
        return shown;
    }

    @Override
    public List<RecordRef> duplicates(String recordType, RecordValues values, long except) {
        RecordType type = types.allowed(recordType, access, "view");
        List<FieldDefinition> fields = catalog.fields(type);
        Map<FieldDefinition, Object> typed = new LinkedHashMap<>();
        for (String name : type.duplicateFields()) {
            try {
                Object value = FieldValues.of(catalog.field(type, name), values);
                if (value != null) {
                    typed.put(catalog.field(type, name), value);
                }
            } catch (ValidationException e) {
                // a value that does not parse matches nothing; the save will say what is wrong with it
            }
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        RecordSql sql = new RecordSql(type, fields, catalog.search());
        Sql select = sql.anyEqual(typed, except, access.visibility(), DUPLICATES_SHOWN);
        return catalog.jdbc().inTransaction(c -> sql.rows(c, select)).stream()
                .map(row -> new RecordRef(type.id(), row.id(), type.title(row))).toList();
    }

    @Override
    public RecordRow merge(String recordType, long survivorId, long survivorVersion, long mergedId,
            RecordValues values) {
        RecordType type = types.allowed(recordType, access, "edit");
        access.require(type.moduleId() + ".delete");
        if (survivorId == mergedId) {
            throw new ValidationException(List.of(new FieldError("", "A record cannot be merged with itself.")));
        }
        List<FieldDefinition> fields = catalog.fields(type);
        Map<FieldDefinition, Object> changes = parse(type, values, false);
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, fields);
        String actor = access.require(type.moduleId() + ".edit").username();
        return catalog.jdbc().inTransaction(c -> {
            RecordRow merged = read(c, sql, mergedId, visible)
                    .orElseThrow(() -> new NotFoundException(type.label(), mergedId));
            RecordRow survivor = read(c, sql, survivorId, visible)
                    .orElseThrow(() -> new NotFoundException(type.label(), survivorId));
            if (survivor.version() != survivorVersion) {
                throw new ConflictException(CONFLICT);
            }
            List<FieldError> errors = new ArrayList<>(RecordRules.check(type,
                    RecordRules.merged(fields, survivor, changes), survivor,
                    field -> catalog.pickList(type.id(), field.name())));
            errors.addAll(lookupErrors(changes));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Set<String> named = names(changes.keySet());
            lifecycle.call(type.id(), p -> p.beforeMerge(change(c, type, survivorId, actor, named, survivor, null),
                    merged));
            lifecycle.repoint(type.id(), mergedId, survivorId);
            write(c, type, fields, List.of(survivor), changes, null);
            try (PreparedStatement delete = c.prepareStatement(sql.delete())) {
                Sql.bind(delete, 1, merged.id());
                Sql.bind(delete, 2, merged.version());
                requireAll(new int[] {delete.executeUpdate()});
            }
            pointAt(c, type, List.of(mergedId), survivorId, actor);
            RecordRow after = read(c, sql, survivorId, visible).orElseThrow();
            lifecycle.call(type.id(), p -> p.afterMerge(change(c, type, survivorId, actor, named, survivor, after),
                    merged));
            Map<String, Object> was = texts(changes.keySet(), survivor);
            Map<String, Object> is = texts(changes.keySet(), after);
            was.put("merged", "");
            is.put("merged", type.title(merged) + " (#" + mergedId + ")");
            audit.recordAll(List.of(new RecordChange(type.moduleId(), type.id(), survivorId, type.title(after),
                    String.valueOf(after.values().get("owner")), AuditAction.UPDATE, was, is),
                    new RecordChange(type.moduleId(), type.id(), mergedId, type.title(merged),
                            String.valueOf(merged.values().get("owner")), AuditAction.DELETE, texts(merged),
                            Map.of("merged into", type.title(after) + " (#" + survivorId + ")"))));
            lifecycle.post(catalog.jdbc().scope(), type.id(), List.of(survivorId), RecordEvents.MERGED, actor, named,
                    mergedId);
            lifecycle.post(catalog.jdbc().scope(), type.id(), List.of(mergedId), RecordEvents.DELETED, actor,
                    merged.values().keySet(), survivorId);
            return after;
        });
    }

    @Override
    public int moveRelated(String recordType, long id, RecordRef to) {
        RecordType type = types.allowed(recordType, access, "edit");
        RecordType target = types.allowed(to.recordType(), access, "edit");
        if (type.id().equals(target.id()) && id == to.id()) {
            throw new ValidationException(List.of(new FieldError("", "A record's items cannot move onto itself.")));
        }
        Visibility visible = access.visibility();
        String actor = access.require(type.moduleId() + ".edit").username();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        RecordSql targetSql = new RecordSql(target, catalog.fields(target));
        return catalog.jdbc().inTransaction(c -> {
            RecordRow from = read(c, sql, id, visible).orElseThrow(() -> new NotFoundException(type.label(), id));
            RecordRow into = read(c, targetSql, to.id(), visible)
                    .orElseThrow(() -> new NotFoundException(target.label(), to.id()));
            RecordRef fromRef = new RecordRef(type.id(), id, type.title(from));
            RecordRef toRef = new RecordRef(target.id(), to.id(), target.title(into));
            int moved = 0;
            for (String hanging : HANGING) {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + hanging
                        + " SET RECORD_TYPE = ?, RECORD_ID = ? WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
                    Sql.bind(s, 1, target.id());
                    Sql.bind(s, 2, to.id());
                    Sql.bind(s, 3, type.id());
                    Sql.bind(s, 4, id);
                    moved += s.executeUpdate();
                }
            }
            lifecycle.move(type.id(), new Lifecycle.Move(fromRef, toRef, actor, c, this));
            String movedTo = toRef.title() + " (" + target.label() + " #" + to.id() + ")";
            String movedFrom = fromRef.title() + " (" + type.label() + " #" + id + ")";
            audit.recordAll(List.of(
                    new RecordChange(type.moduleId(), type.id(), id, fromRef.title(),
                            String.valueOf(from.values().get("owner")), AuditAction.UPDATE,
                            Map.of("related items", ""), Map.of("related items moved to", movedTo)),
                    new RecordChange(target.moduleId(), target.id(), to.id(), toRef.title(),
                            String.valueOf(into.values().get("owner")), AuditAction.UPDATE,
                            Map.of("related items", ""), Map.of("related items moved from", movedFrom))));
            return moved;
        });
    }

    /**
     * Points every lookup field of every installed record type that points at some records at another
     * record, or clears it, in the caller's transaction; each record so changed gets an audit entry and
     * an UPDATED event naming the field, like any other change. With a record to point at, moves the
     * notes, files and outcomes too.
     *
     * @param to the record to point at, or null to clear the fields (the records are being deleted)
     * @param actor who deleted or merged
     */
    private void pointAt(Connection c, RecordType type, List<Long> from, Long to, String actor) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (RecordType referring : types.all()) {
            List<FieldDefinition> referringFields = catalog.fields(referring);
            for (FieldDefinition field : referringFields) {
                if (field.type() != FieldType.LOOKUP || !field.lookupType().orElse("").equals(type.id())) {
                    continue;
                }
                List<Long> ids = new ArrayList<>();
                for (int at = 0; at < from.size(); at += RecordSql.IDS_PER_QUERY) {
                    List<Long> chunk = from.subList(at, Math.min(from.size(), at + RecordSql.IDS_PER_QUERY));
                    try (PreparedStatement s = c.prepareStatement("SELECT ID FROM " + referring.table() + " WHERE "
                            + field.column() + " IN (" + RecordSql.placeholders(chunk.size()) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setLong(i + 1, chunk.get(i));
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                }
                List<RecordRow> pointing = new RecordSql(referring, referringFields).rowsByIds(c, ids,
                        RecordSql.EVERYONE);
                if (pointing.isEmpty()) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE " + referring.table() + " SET " + field.column()
                        + " = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
                    for (RecordRow row : pointing) {
                        Sql.bind(s, 1, to == null ? new Sql.Null(java.sql.Types.BIGINT) : to);
                        Sql.bind(s, 2, now);
                        Sql.bind(s, 3, row.id());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                audit.recordAll(pointing.stream().map(row -> new RecordChange(referring.moduleId(), referring.id(),
                        row.id(), referring.title(row), String.valueOf(row.values().get("owner")), AuditAction.UPDATE,
                        texts(List.of(field), row), Map.of(field.name(), to == null ? "" : RecordRow.format(to))))
                        .toList());
                lifecycle.post(catalog.jdbc().scope(), referring.id(), pointing.stream().map(RecordRow::id).toList(),
                        RecordEvents.UPDATED, actor, List.of(field.name()), null);
            }
        }
        if (to == null) {
            return;
        }
        for (String hanging : HANGING) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + hanging
                    + " SET RECORD_ID = ? WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
                for (long id : from) {
                    s.setLong(1, to);
                    s.setString(2, type.id());
                    s.setLong(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeReferenceTitles")
    void addReferenceTitles(ReferenceTitles filler, Map<String, Object> properties) {
        referenceTitles.add(new Filler(filler, String.valueOf(properties.get(RecordType.ID))));
    }

    void removeReferenceTitles(ReferenceTitles filler) {
        referenceTitles.removeIf(f -> f.service() == filler);
    }

    /** The callers' time zones, in which exports write date-times (see {@link CallerZone}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserSettings settings;

    @Override
    public RecordRow update(String recordType, long id, long version, RecordValues values) {
        RecordType type = types.allowed(recordType, access, "edit");
        List<FieldDefinition> fields = catalog.fields(type);
        Map<FieldDefinition, Object> changes = parse(type, values, false);
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, fields);
        String actor = access.require(type.moduleId() + ".edit").username();
        Set<String> named = names(changes.keySet());
        return catalog.jdbc().inTransaction(c -> {
            RecordRow before = read(c, sql, id, visible).orElseThrow(() -> new NotFoundException(type.label(), id));
            if (before.version() != version) {
                throw new ConflictException(CONFLICT);
            }
            lifecycle.call(type.id(), p -> p.beforeUpdate(change(c, type, id, actor, named, before, null)));
            write(c, type, fields, List.of(before), changes, null);
            RecordRow written = read(c, sql, id, visible).orElseThrow();
            lifecycle.call(type.id(), p -> p.afterUpdate(change(c, type, id, actor, named, before, written)));
            RecordRow after = reread(c, sql, type, "afterUpdate", written, visible);
            audit.record(change(type, before, after, changes.keySet()));
            lifecycle.post(catalog.jdbc().scope(), type.id(), List.of(id), RecordEvents.UPDATED, actor, named, null);
            return after;
        });
    }

    @Override
    public void checkCustomValues(String recordType, Map<String, String> values) {
        RecordType type = types.allowed(recordType, access, "view");
        List<FieldError> errors = new ArrayList<>();
        parse(type, RecordValues.ofText(values), true).forEach((field, value) -> errors.addAll(RecordRules.pickListErrors(field, value, null,
                f -> catalog.pickList(type.id(), f.name()))));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public long export(String recordType, RecordQuery query, List<String> fieldNames, ExportFormat format,
            OutputStream out, LongConsumer progress) {
        return export(recordType, query, fieldNames, false, format, out, progress);
    }

    @Override
    public long export(String recordType, RecordQuery query, List<String> fieldNames, boolean lookupIds,
            ExportFormat format, OutputStream out, LongConsumer progress) {
        RecordType type = types.allowed(recordType, access, "export");
        List<FieldDefinition> all = catalog.fields(type);
        List<FieldDefinition> columns = fieldNames.isEmpty() ? all
                : fieldNames.stream().map(name -> catalog.field(type, name)).toList();
        List<String> header = new ArrayList<>();
        for (FieldDefinition column : columns) {
            header.add(column.label());
            if (lookupIds && column.type() == FieldType.LOOKUP) {
                header.add(column.label() + " id");
            }
        }
        RecordSql sql = new RecordSql(type, all, catalog.search(), targets());
        Sql select = sql.select(query, access.visibility(), false);
        ZoneId zone = CallerZone.of(settings);
        return catalog.jdbc().inTransaction(c -> {
            long written = 0;
            try (PreparedStatement s = c.prepareStatement(select.text());
                    ExportWriter writer = ExportWriter.open(format, out, type.pluralLabel(), header, zone)) {
                s.setFetchSize(FETCH_SIZE);
                select.bind(s);
                List<RecordRow> batch = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        batch.add(sql.read(rs));
                        if (batch.size() == FETCH_SIZE) {
                            written += write(type, columns, lookupIds, batch, writer);
                            progress.accept(written);
                        }
                    }
                }
                written += write(type, columns, lookupIds, batch, writer);
            } catch (IOException e) {
                throw new UncheckedIOException("Export of " + type.pluralLabel() + " stopped: " + e.getMessage(), e);
            }
            progress.accept(written);
            return written;
        });
    }

    /**
     * Writes a batch of exported rows as the list shows them: the values the type's {@link ReferenceTitles}
     * give, lookups as the titles of the records they point at (one query per lookup field), then empties it.
     *
     * @return the number of rows written
     */
    private int write(RecordType type, List<FieldDefinition> columns, boolean lookupIds, List<RecordRow> batch,
            ExportWriter writer) throws IOException {
        List<RecordRow> rows = shown(type, batch);
        Map<String, Map<Long, String>> lookups = new HashMap<>();
        for (FieldDefinition column : columns) {
            if (column.type() == FieldType.LOOKUP && !lookups.containsKey(column.name())) {
                lookups.put(column.name(), shownTitles(column.lookupType().orElse(""), rows.stream()
                        .map(row -> (Long) row.values().get(column.name())).filter(java.util.Objects::nonNull).toList()));
            }
        }
        for (RecordRow row : rows) {
            List<Object> values = new ArrayList<>();
            for (FieldDefinition column : columns) {
                Object value = row.values().get(column.name());
                if (column.type() != FieldType.LOOKUP) {
                    values.add(value);
                    continue;
                }
                values.add(value == null ? null : lookups.get(column.name()).get((Long) value));
                if (lookupIds) {
                    values.add(value == null ? null : java.math.BigDecimal.valueOf((Long) value));
                }
            }
            writer.row(values);
        }
        int written = batch.size();
        batch.clear();
        return written;
    }

    @Override
    public List<Long> ids(String recordType, RecordSelection selection) {
        RecordType type = types.allowed(recordType, access, "view");
        return selected(type, catalog.fields(type), selection).stream().map(RecordRow::id).toList();
    }

    @Override
    public long delete(String recordType, RecordSelection selection) {
        RecordType type = types.allowed(recordType, access, "delete");
        if (isBulk(selection)) {
            access.require(type.moduleId() + ".bulk-delete");
        }
        List<FieldDefinition> fields = catalog.fields(type);
        RecordSql sql = new RecordSql(type, fields);
        String actor = access.require(type.moduleId() + ".delete").username();
        return catalog.jdbc().inTransaction(c -> {
            List<RecordRow> rows = selected(type, fields, selection);
            for (RecordRow row : rows) { // each module cascades, detaches or refuses
                lifecycle.call(type.id(), p -> p.beforeDelete(change(c, type, row.id(), actor, row.values().keySet(),
                        row, null)));
            }
            try (PreparedStatement delete = c.prepareStatement(sql.delete())) {
                for (RecordRow row : rows) {
                    Sql.bind(delete, 1, row.id());
                    Sql.bind(delete, 2, row.version());
                    delete.addBatch();
                }
                requireAll(delete.executeBatch());
            }
            pointAt(c, type, rows.stream().map(RecordRow::id).toList(), null, actor); // lookups to them are cleared
            for (String hanging : HANGING) { // what hangs on the records goes with them
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + hanging
                        + " WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
                    for (RecordRow row : rows) {
                        delete.setString(1, type.id());
                        delete.setLong(2, row.id());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            for (RecordRow row : rows) {
                lifecycle.call(type.id(), p -> p.afterDelete(change(c, type, row.id(), actor, row.values().keySet(),
                        row, null)));
            }
            audit.recordAll(rows.stream().map(row -> new RecordChange(type.moduleId(), type.id(), row.id(),
                    type.title(row), String.valueOf(row.values().get("owner")), AuditAction.DELETE, texts(row),
                    Map.of())).toList());
            for (RecordRow row : rows) {
                lifecycle.post(catalog.jdbc().scope(), type.id(), List.of(row.id()), RecordEvents.DELETED, actor,
                        row.values().keySet(), null);
            }
            return (long) rows.size();
        });
    }

    @Override
    public long assign(String recordType, RecordSelection selection, String owner) {
        RecordType type = types.allowed(recordType, access, "edit");
        if (isBulk(selection)) {
            access.require(type.moduleId() + ".bulk-edit");
        }
        access.checkAssignable(owner);
        List<FieldDefinition> fields = catalog.fields(type);
        List<RecordRow> rows = selected(type, fields, selection).stream()
                .filter(row -> !owner.equals(row.values().get("owner"))).toList();
        return bulk(type, fields, rows, Map.of(), owner);
    }

    @Override
    public long updateAll(String recordType, RecordSelection selection, String field, String value) {
        RecordType type = types.allowed(recordType, access, "edit");
        access.require(type.moduleId() + ".bulk-edit");
        Map<FieldDefinition, Object> changes = parse(type, RecordValues.builder().text(field, value).build(), false);
        List<FieldDefinition> fields = catalog.fields(type);
        return bulk(type, fields, selected(type, fields, selection), changes, null);
    }

    /** @return true unless the selection is one ticked record, which a form deletes or hands over */
    private static boolean isBulk(RecordSelection selection) {
        return selection.matching().isPresent() || selection.ids().stream().distinct().count() > 1;
    }

    /**
     * @param changes new values by field
     * @return an error per lookup value that is not a record of the field's type the caller sees
     */
    private List<FieldError> lookupErrors(Map<FieldDefinition, Object> changes) {
        List<FieldError> errors = new ArrayList<>();
        changes.forEach((field, value) -> {
            if (field.type() != FieldType.LOOKUP || value == null) {
                return;
            }
            Optional<RecordType> target = field.lookupType().flatMap(types::find);
            if (target.isEmpty()) {
                errors.add(new FieldError(field.name(), field.label() + " cannot be set: the module of its records is "
                        + "not installed."));
            } else if (!access.permitted(target.get().moduleId() + ".view")
                    || Parents.find(catalog, target.get(), (Long) value, access.visibility()).isEmpty()) {
                errors.add(new FieldError(field.name(), "There is no " + target.get().label()
                        .toLowerCase(java.util.Locale.ROOT) + " #" + value + " that you can see."));
            }
        });
        return errors;
    }

    /**
     * @return the record as the after-participants left it: read again if one follows the type, since a
     *     participant may have set fields the module derives in the same transaction (an opportunity's
     *     expected amount), so that callers and the audit see the stored values
     */
    private RecordRow reread(Connection c, RecordSql sql, RecordType type, String method, RecordRow row,
            Visibility visible) throws SQLException {
        return lifecycle.follows(type.id(), method) ? read(c, sql, row.id(), visible).orElse(row) : row;
    }

    /** Changes the rows in one transaction, then audits each. */
    private long bulk(RecordType type, List<FieldDefinition> fields, List<RecordRow> rows,
            Map<FieldDefinition, Object> changes, String owner) {
        RecordSql sql = new RecordSql(type, fields);
        String actor = access.require(type.moduleId() + ".edit").username();
        Map<Long, RecordRow> before = new HashMap<>();
        rows.forEach(row -> before.put(row.id(), row));
        Set<FieldDefinition> changed = new LinkedHashSet<>(changes.keySet());
        if (owner != null) {
            fields.stream().filter(ImportPlan::isOwner).forEach(changed::add);
        }
        Set<String> named = names(changed);
        return catalog.jdbc().inTransaction(c -> {
            for (RecordRow row : rows) {
                lifecycle.call(type.id(), p -> p.beforeUpdate(change(c, type, row.id(), actor, named, row, null)));
            }
            write(c, type, fields, rows, changes, owner);
            List<RecordRow> written = sql.rowsByIds(c, rows.stream().map(RecordRow::id).toList(),
                    RecordSql.EVERYONE);
            for (RecordRow row : written) {
                lifecycle.call(type.id(), p -> p.afterUpdate(change(c, type, row.id(), actor, named,
                        before.get(row.id()), row)));
            }
            List<RecordRow> after = lifecycle.follows(type.id(), "afterUpdate")
                    ? sql.rowsByIds(c, rows.stream().map(RecordRow::id).toList(), RecordSql.EVERYONE) : written;
            audit.recordAll(after.stream().map(row -> change(type, before.get(row.id()), row, changed)).toList());
            lifecycle.post(catalog.jdbc().scope(), type.id(), after.stream().map(RecordRow::id).toList(),
                    RecordEvents.UPDATED, actor, named, null);
            return (long) rows.size();
        });
    }

    /**
     * Checks the records as they would become and writes the changes, version-checked, in the caller's
     * transaction; nothing is written if any record fails.
     *
     * @param owner the new owner, or null to keep each record's
     */
    private void write(Connection c, RecordType type, List<FieldDefinition> fields, List<RecordRow> rows,
            Map<FieldDefinition, Object> changes, String owner) throws SQLException {
        List<FieldError> errors = lookupErrors(changes);
        Map<FieldDefinition, Object> checked = new LinkedHashMap<>(changes);
        if (owner != null) { // the rules see the record with its new owner, as create shows it
            fields.stream().filter(ImportPlan::isOwner).forEach(f -> checked.put(f, owner));
        }
        int failed = 0;
        for (RecordRow row : rows) {
            List<FieldError> broken = RecordRules.check(type, RecordRules.merged(fields, row, checked), row,
                    field -> catalog.pickList(type.id(), field.name()));
            if (!broken.isEmpty() && ++failed <= ERRORS_SHOWN) {
                String prefix = rows.size() == 1 ? "" : type.title(row) + ": ";
                broken.forEach(e -> errors.add(new FieldError(e.field(), prefix + e.message())));
            }
        }
        if (failed > ERRORS_SHOWN) {
            int more = failed - ERRORS_SHOWN;
            errors.add(new FieldError("", "... and " + more + " more " + (more == 1 ? type.label() : type.pluralLabel())
                    .toLowerCase(java.util.Locale.ROOT) + ". Nothing was changed."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<FieldDefinition> data = List.copyOf(changes.keySet());
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement update = c.prepareStatement(new RecordSql(type, fields).update(data))) {
            for (RecordRow row : rows) {
                Sql.bind(update, RecordSql.updateParams(data, changes, owner != null ? owner : row.values().get("owner"),
                        now, row.id(), row.version()));
                update.addBatch();
            }
            requireAll(update.executeBatch());
        }
        SearchTerms.written(c, catalog.search(), type, rows.stream().map(RecordRow::id).toList());
    }

    /** @return the selected records the caller sees, read whole, at most {@link Records#BULK_LIMIT} */
    private List<RecordRow> selected(RecordType type, List<FieldDefinition> fields, RecordSelection selection) {
        RecordSql sql = new RecordSql(type, fields, catalog.search(), targets()); // a report's click-through too
        Visibility visible = access.visibility();
        List<Long> ids = selection.ids();
        if (ids.size() > BULK_LIMIT) {
            throw tooMany(type, ids.size());
        }
        return catalog.jdbc().inTransaction(c -> {
            List<RecordRow> rows = new ArrayList<>();
            if (selection.matching().isPresent()) {
                Sql select = sql.select(selection.matching().get(), visible, false);
                try (PreparedStatement s = c.prepareStatement(select.text())) {
                    s.setMaxRows(BULK_LIMIT + 1);
                    s.setFetchSize(FETCH_SIZE);
                    select.bind(s);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(sql.read(rs));
                        }
                    }
                }
                if (rows.size() > BULK_LIMIT) {
                    throw tooMany(type, rows.size());
                }
            }
            rows.addAll(sql.rowsByIds(c, ids.stream().distinct().toList(), visible));
            return rows;
        });
    }

    private static ValidationException tooMany(RecordType type, int count) {
        return new ValidationException(List.of(new FieldError("", (count > BULK_LIMIT ? "More than " + BULK_LIMIT
                : String.valueOf(count)) + " " + type.pluralLabel().toLowerCase(java.util.Locale.ROOT)
                + " are selected; a bulk action works on at most " + BULK_LIMIT + ". Narrow the list with a filter.")));
    }

    /** Every statement of a batch must have changed its row, else a record changed meanwhile. */
    private static void requireAll(int[] counts) {
        for (int count : counts) {
            if (count == 0) {
                throw new ConflictException("One of the records changed while this ran, so nothing was changed. "
                        + "Reload the list and try again.");
            }
        }
    }

    private static RecordChange change(RecordType type, RecordRow before, RecordRow after,
            Collection<FieldDefinition> changed) {
        return new RecordChange(type.moduleId(), type.id(), after.id(), type.title(after),
                String.valueOf(after.values().get("owner")), AuditAction.UPDATE, texts(changed, before),
                texts(changed, after));
    }

    /** @return a record's change as lifecycle participants see it; before or after may be null */
    private Lifecycle.Change change(Connection c, RecordType type, long id, String actor, Collection<String> fields,
            RecordRow before, RecordRow after) {
        return Lifecycle.Change.of(c, type.id(), id, actor, fields, before, after, this);
    }

    private static Set<String> names(Collection<FieldDefinition> fields) {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(f -> names.add(f.name()));
        return names;
    }

    private static Optional<RecordRow> read(Connection c, RecordSql sql, long id, Visibility visible)
            throws SQLException {
        return sql.rows(c, sql.byId(id, visible)).stream().findFirst();
    }

    /**
     * @param customOnly whether only custom fields may be given (a form checking its custom panel)
     * @param skipped names of fields given that the caller handles itself (a new record's owner)
     * @return values of settable fields, typed ones checked and text parsed, or every problem at once
     */
    private Map<FieldDefinition, Object> parse(RecordType type, RecordValues values, boolean customOnly,
            String... skipped) {
        Map<FieldDefinition, Object> typed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String name : values.fields()) {
            if (List.of(skipped).contains(name)) {
                continue;
            }
            try {
                FieldDefinition field = catalog.field(type, name);
                if (!field.importable() || ImportPlan.isOwner(field) || (customOnly && !field.custom())) {
                    throw FieldValues.invalid(field, "\"" + field.label() + "\" cannot be changed here");
                }
                Object value = FieldValues.of(field, values);
                if (value == null && field.required()) {
                    throw FieldValues.invalid(field, "Required");
                }
                typed.put(field, value);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return typed;
    }

    private static Map<String, Object> texts(Collection<FieldDefinition> changed, RecordRow row) {
        Map<String, Object> texts = new LinkedHashMap<>();
        changed.forEach(f -> texts.put(f.name(), RecordRow.format(row.values().get(f.name()))));
        return texts;
    }

    private static Map<String, Object> texts(RecordRow row) {
        Map<String, Object> texts = new LinkedHashMap<>();
        row.values().forEach((name, value) -> texts.put(name, RecordRow.format(value)));
        return texts;
    }
}
