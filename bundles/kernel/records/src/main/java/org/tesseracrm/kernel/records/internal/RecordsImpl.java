package org.tesseracrm.kernel.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Visibility;

/** Lists, reads, exports and sets custom values of any record type with plain JDBC. */
@Component(service = Records.class)
public class RecordsImpl implements Records {
    private static final int FETCH_SIZE = 1000;
    private static final String CONFLICT = "Someone else changed this record after you opened it. "
            + "Close it, open it again and redo your change.";

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;

    /**
     * @param types installed record types
     * @param catalog field definitions
     * @param access the caller's permissions and visibility
     * @param audit where custom value changes are recorded
     */
    @Activate
    public RecordsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public List<RecordRow> page(String recordType, RecordQuery query) {
        RecordType type = types.allowed(recordType, access, "view");
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        Sql select = sql.select(query, access.visibility(), true);
        return catalog.jdbc().inTransaction(c -> sql.rows(c, select));
    }

    @Override
    public long count(String recordType, RecordQuery query, long atMost) {
        RecordType type = types.allowed(recordType, access, "view");
        Sql count = new RecordSql(type, catalog.fields(type)).count(query, access.visibility(), atMost);
        return catalog.jdbc().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(count.text())) {
                count.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<RecordRow> get(String recordType, long id) {
        RecordType type = types.allowed(recordType, access, "view");
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        return catalog.jdbc().inTransaction(c -> read(c, sql, id, visible));
    }

    @Override
    public RecordRow saveCustomValues(String recordType, long id, long version, Map<String, String> values) {
        RecordType type = types.allowed(recordType, access, "edit");
        Map<FieldDefinition, Object> typed = parse(type, values);
        Visibility visible = access.visibility();
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        RecordRow[] before = new RecordRow[1];
        RecordRow after = catalog.jdbc().inTransaction(c -> {
            before[0] = read(c, sql, id, visible).orElseThrow(() -> new NotFoundException(type.label(), id));
            if (before[0].version() != version) {
                throw new ConflictException(CONFLICT);
            }
            checkPickLists(type, typed, before[0]);
            Sql update = sql.updateCustom(typed, id, version);
            try (PreparedStatement s = c.prepareStatement(update.text())) {
                update.bind(s);
                if (s.executeUpdate() != 1) {
                    throw new ConflictException(CONFLICT);
                }
            }
            return read(c, sql, id, visible).orElseThrow();
        });
        audit.record(new RecordChange(type.moduleId(), type.id(), id, title(type, after),
                String.valueOf(after.values().get("owner")), AuditAction.UPDATE, texts(typed, before[0]),
                texts(typed, after)));
        return after;
    }

    @Override
    public void checkCustomValues(String recordType, Map<String, String> values) {
        RecordType type = types.allowed(recordType, access, "view");
        checkPickLists(type, parse(type, values), new RecordRow(0, 0, Map.of()));
    }

    @Override
    public long export(String recordType, RecordQuery query, List<String> fieldNames, ExportFormat format,
            OutputStream out, LongConsumer progress) {
        RecordType type = types.allowed(recordType, access, "export");
        List<FieldDefinition> all = catalog.fields(type);
        List<FieldDefinition> columns = fieldNames.isEmpty() ? all
                : fieldNames.stream().map(name -> catalog.field(type, name)).toList();
        RecordSql sql = new RecordSql(type, all);
        Sql select = sql.select(query, access.visibility(), false);
        return catalog.jdbc().inTransaction(c -> {
            long written = 0;
            try (PreparedStatement s = c.prepareStatement(select.text());
                    ExportWriter writer = ExportWriter.open(format, out, type.pluralLabel(),
                            columns.stream().map(FieldDefinition::label).toList())) {
                s.setFetchSize(FETCH_SIZE);
                select.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RecordRow row = sql.read(rs);
                        writer.row(columns.stream().map(f -> row.values().get(f.name())).toList());
                        if (++written % FETCH_SIZE == 0) {
                            progress.accept(written);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Export of " + type.pluralLabel() + " stopped: " + e.getMessage(), e);
            }
            progress.accept(written);
            return written;
        });
    }

    private static Optional<RecordRow> read(Connection c, RecordSql sql, long id, Visibility visible)
            throws SQLException {
        return sql.rows(c, sql.byId(id, visible)).stream().findFirst();
    }

    /** @return typed values of custom fields, or every problem at once */
    private Map<FieldDefinition, Object> parse(RecordType type, Map<String, String> values) {
        Map<FieldDefinition, Object> typed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            try {
                FieldDefinition field = catalog.field(type, entry.getKey());
                if (!field.custom()) {
                    throw FieldValues.invalid(field, "\"" + field.label() + "\" is changed through its module's form");
                }
                Object value = FieldValues.parse(field, entry.getValue());
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

    /** A pick-list value must be active, unless the record already had it. */
    private void checkPickLists(RecordType type, Map<FieldDefinition, Object> typed, RecordRow before) {
        List<FieldError> errors = new ArrayList<>();
        typed.forEach((field, value) -> {
            if (value == null || (field.type() != FieldType.PICKLIST && field.type() != FieldType.MULTI_PICKLIST)) {
                return;
            }
            for (Object v : PickLists.refused(value, before.values().get(field.name()),
                    catalog.pickList(type.id(), field.name()))) {
                errors.add(new FieldError(field.name(), "\"" + v + "\" is not one of the values of " + field.label()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Map<String, Object> texts(Map<FieldDefinition, Object> changed, RecordRow row) {
        Map<String, Object> texts = new LinkedHashMap<>();
        changed.keySet().forEach(f -> texts.put(f.name(), RecordRow.format(row.values().get(f.name()))));
        return texts;
    }

    private static String title(RecordType type, RecordRow row) {
        String title = type.titleFields().stream().map(row.values()::get).filter(Objects::nonNull)
                .map(String::valueOf).collect(Collectors.joining(" "));
        return title.isBlank() ? type.label() + " " + row.id() : title;
    }
}
