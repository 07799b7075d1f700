package org.tesseracrm.kernel.records.internal;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.records.internal.ImportPlan.Action;
import org.tesseracrm.kernel.records.internal.ImportPlan.Planned;

/**
 * Imports files into any record type with an id generator: plans the whole file first (see
 * {@link ImportPlan}), then writes every create and update in one JDBC transaction, in batches.
 */
@Component(service = Imports.class)
public class ImportsImpl implements Imports {
    private static final int BATCH = 1000;
    private static final int KEYS_PER_QUERY = 100;

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Lifecycle lifecycle;
    private final Records records;

    /**
     * @param types installed record types
     * @param catalog field definitions and pick-lists
     * @param access the caller's permissions and visibility
     * @param audit where each import is recorded
     * @param lifecycle the modules' participants, called for every imported row, and the record events
     * @param records what participants read other records through
     */
    @Activate
    public ImportsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit, @Reference Lifecycle lifecycle,
            @Reference Records records) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.records = records;
    }

    /** The callers' time zones, in which files' date-times are read (see {@link CallerZone}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserSettings settings;

    @Override
    public ImportFile read(String recordType, String fileName, InputStream content) {
        importable(types.allowed(recordType, access, "import"));
        return ImportFiles.read(fileName, content);
    }

    @Override
    public ImportReport check(String recordType, ImportRequest request) {
        return plan(recordType, request).report(false);
    }

    @Override
    public ImportReport run(String recordType, ImportRequest request, LongConsumer progress) {
        ImportPlan plan = plan(recordType, request);
        if (plan.hasProblems() && !request.validRowsOnly()) {
            return plan.report(false);
        }
        RecordType type = plan.type();
        String caller = plan.caller();
        List<FieldDefinition> fields = plan.fields();
        List<Planned> creates = plan.planned().stream().filter(p -> p.action() == Action.CREATE).toList();
        List<Planned> updates = plan.planned().stream().filter(p -> p.action() == Action.UPDATE).toList();
        long firstId = creates.isEmpty() ? 0 : catalog.jdbc().reserveIds(type.ids().orElseThrow(), creates.size());
        RecordSql sql = new RecordSql(type, fields);
        List<FieldDefinition> data = fields.stream().filter(ImportPlan::isData).toList();
        List<FieldDefinition> changed = plan.mappedFields().stream().filter(ImportPlan::isData).toList();
        FieldDefinition owner = fields.stream().filter(ImportPlan::isOwner).findFirst().orElse(null);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        // Participants see every row, as for a change made in a form; rows are read back only for a participant
        // that looks at them after the write.
        boolean before = lifecycle.follows(type.id(), "beforeCreate") || lifecycle.follows(type.id(), "beforeUpdate");
        boolean after = lifecycle.follows(type.id(), "afterCreate") || lifecycle.follows(type.id(), "afterUpdate");
        Set<String> changedNames = changed.stream().map(FieldDefinition::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        return catalog.jdbc().inTransaction(c -> {
            if (before) {
                long id = firstId;
                for (Planned row : creates) {
                    long created = id++;
                    Map<String, Object> proposed = new LinkedHashMap<>();
                    row.values().forEach((field, value) -> proposed.put(field.name(), value));
                    lifecycle.call(type.id(), p -> p.beforeCreate(Lifecycle.Change.of(c, type.id(), created, caller,
                            proposed.keySet(), null, new RecordRow(created, 0, proposed), records)));
                }
                for (Planned row : updates) {
                    lifecycle.call(type.id(), p -> p.beforeUpdate(Lifecycle.Change.of(c, type.id(), row.existing().id(),
                            caller, changedNames, row.existing(), null, records)));
                }
            }
            long[] done = {0};
            try (PreparedStatement insert = c.prepareStatement(sql.insert(data))) {
                long id = firstId;
                for (Planned row : creates) {
                    batch(insert, RecordSql.insertParams(id++, ownerOf(row, owner, caller), now, data, row.values()), done,
                            progress, false);
                }
                flush(insert, done, progress, false);
            }
            if (!creates.isEmpty()) {
                SearchTerms.written(c, catalog.search(), type, firstId, firstId + creates.size() - 1);
            }
            try (PreparedStatement update = c.prepareStatement(sql.update(changed))) {
                for (Planned row : updates) {
                    batch(update, RecordSql.updateParams(changed, row.values(), ownerOf(row, owner, caller), now,
                            row.existing().id(), row.existing().version()), done, progress, true);
                }
                flush(update, done, progress, true);
            }
            SearchTerms.written(c, catalog.search(), type, updates.stream().map(p -> p.existing().id()).toList());
            if (after) {
                for (RecordRow created : sql.rowsByIds(c, LongStream.range(firstId, firstId + creates.size()).boxed()
                        .toList(), RecordSql.EVERYONE)) {
                    lifecycle.call(type.id(), p -> p.afterCreate(Lifecycle.Change.of(c, type.id(), created.id(), caller,
                            created.values().keySet(), null, created, records)));
                }
                Map<Long, RecordRow> was = new HashMap<>();
                updates.forEach(row -> was.put(row.existing().id(), row.existing()));
                for (RecordRow is : sql.rowsByIds(c, List.copyOf(was.keySet()), RecordSql.EVERYONE)) {
                    lifecycle.call(type.id(), p -> p.afterUpdate(Lifecycle.Change.of(c, type.id(), is.id(), caller,
                            changedNames, was.get(is.id()), is, records)));
                }
            }
            progress.accept(done[0]);
            ImportReport report = plan.report(true);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", request.file().name());
            summary.put("created", report.created());
            summary.put("updated", report.updated());
            summary.put("skipped", report.skipped());
            summary.put("not imported", report.invalidRows());
            audit.record(new RecordChange(type.moduleId(), type.id(), 0, "Import of " + request.file().name(), caller,
                    AuditAction.CREATE, Map.of(), summary));
            // announced once committed, like every other change: one event per record
            lifecycle.post(catalog.jdbc().scope(), type.id(), LongStream.range(firstId, firstId + creates.size())
                    .boxed().toList(), RecordEvents.CREATED, caller, data.stream().map(FieldDefinition::name).toList(), null);
            lifecycle.post(catalog.jdbc().scope(), type.id(), updates.stream().map(p -> p.existing().id())
                    .toList(), RecordEvents.UPDATED, caller, changed.stream().map(FieldDefinition::name).toList(), null);
            return report;
        });
    }

    private ImportPlan plan(String recordType, ImportRequest request) {
        RecordType type = types.require(recordType);
        Caller caller = access.require(type.moduleId() + ".import");
        importable(type);
        if (request.mode() == ImportMode.UPDATE_EXISTING) {
            access.require(type.moduleId() + ".edit");
        }
        List<FieldDefinition> fields = catalog.fields(type);
        ImportPlan plan = ImportPlan.of(type, fields, request);
        Map<String, Boolean> owners = new HashMap<>();
        Map<String, Object> titled = new HashMap<>();
        plan.parse(user -> owners.computeIfAbsent(user, this::assignable), (field, title) -> {
            Object id = titled.computeIfAbsent(field.lookupType().orElse("") + "\n" + title.toLowerCase(Locale.ROOT),
                    key -> {
                        try {
                            return lookedUp(field, title);
                        } catch (ValidationException e) {
                            return e; // the same name on many rows is looked up once, found or not
                        }
                    });
            if (id instanceof ValidationException e) {
                throw e;
            }
            return (Long) id;
        }, CallerZone.of(settings));
        List<RecordRow> existing = plan.keys().isEmpty() ? List.of() : existing(type, fields, plan);
        plan.decide(existing, field -> catalog.pickList(type.id(), field.name()), caller.username());
        return plan;
    }

    /**
     * @param text a lookup cell: a record id, or the title of a record (its single title field, ignoring case)
     * @return the id of the one record of the lookup's type, visible to the caller, that the text names
     * @throws ValidationException if the type is not installed, or has no such record, or (for a title)
     *     more than one, or a title of several fields
     */
    private long lookedUp(FieldDefinition field, String text) {
        RecordType target = field.lookupType().flatMap(types::find).orElseThrow(() -> FieldValues.invalid(field,
                "Its records' module is not installed"));
        String label = target.label().toLowerCase(Locale.ROOT);
        boolean id = text.matches("\\d{1,18}");
        if (!access.permitted(target.moduleId() + ".view") || (!id && target.titleFields().size() != 1)) {
            throw FieldValues.invalid(field, "Enter the id of a " + label + " you can see");
        }
        List<RecordRow> found = id ? Parents.find(catalog, target, Long.parseLong(text), access.visibility()).stream()
                .toList() : titled(target, text);
        if (found.size() != 1) {
            throw FieldValues.invalid(field, found.size() > 1 ? "More than one " + label + " is named \"" + text
                    + "\": enter the id instead" : id ? "There is no " + label + " #" + text + " that you can see"
                    : "No " + label + " named \"" + text + "\" that you can see");
        }
        return found.get(0).id();
    }

    /** @return at most two records of the type, visible to the caller, whose single title field is the text */
    private List<RecordRow> titled(RecordType type, String text) {
        RecordSql sql = new RecordSql(type, catalog.fields(type), catalog.search());
        Sql select = sql.anyEqual(Map.of(catalog.field(type, type.titleFields().get(0)), text), 0, access.visibility(), 2);
        return catalog.jdbc().inTransaction(c -> sql.rows(c, select));
    }

    private static void importable(RecordType type) {
        if (type.ids().isEmpty()) {
            throw new ValidationException(List.of(new FieldError("file", type.pluralLabel()
                    + " cannot be imported: their module does not support it.")));
        }
    }

    private boolean assignable(String user) {
        try {
            access.checkAssignable(user);
            return true;
        } catch (PermissionDeniedException e) {
            return false;
        }
    }

    /** @return the visible records matching any row's key, read in chunks of bounded statements */
    private List<RecordRow> existing(RecordType type, List<FieldDefinition> fields, ImportPlan plan) {
        RecordSql sql = new RecordSql(type, fields);
        List<List<Object>> keys = plan.keyValues();
        var visible = access.visibility();
        return catalog.jdbc().inTransaction(c -> {
            List<RecordRow> rows = new ArrayList<>();
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                rows.addAll(sql.rows(c, sql.byKeys(plan.keys(),
                        keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)), visible)));
            }
            return rows;
        });
    }

    private static Object ownerOf(Planned row, FieldDefinition owner, String caller) {
        Object value = owner == null ? null : row.values().get(owner);
        return value == null ? caller : value;
    }

    private static void batch(PreparedStatement statement, List<Object> params, long[] done, LongConsumer progress,
            boolean update) throws SQLException {
        Sql.bind(statement, params);
        statement.addBatch();
        if (++done[0] % BATCH == 0) {
            flush(statement, done, progress, update);
        }
    }

    private static void flush(PreparedStatement statement, long[] done, LongConsumer progress, boolean update)
            throws SQLException {
        int[] counts = statement.executeBatch();
        if (update) {
            for (int count : counts) {
                if (count == 0) {
                    throw new ConflictException("A record changed while the import ran, so nothing was imported. "
                            + "Run the import again.");
                }
            }
        }
        if (counts.length > 0) {
            progress.accept(done[0]);
        }
    }
}
