package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Adds and removes custom fields as real, typed columns of the record type's own table, each with an
 * index that leads with the custom column and continues with the type's default order (so a filtered
 * page is read from the index, already sorted). Definition and DDL commit together.
 */
@Component(service = CustomFields.class)
public class CustomFieldsImpl implements CustomFields {
    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldsImpl.class);
    static final int LABEL_MAX = 60;
    private static final int NAME_MAX = 40;

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;

    /**
     * @param types installed record types
     * @param catalog field definitions
     * @param access the caller's permissions
     */
    @Activate
    public CustomFieldsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public List<FieldDefinition> fields(String recordType) {
        RecordType type = types.allowed(recordType, access, "view");
        return catalog.fields(type);
    }

    @Override
    public FieldDefinition add(String recordType, CustomFieldInput input) {
        RecordType type = types.allowed(recordType, access, "configure");
        FieldDefinition field = definition(type, input);
        List<String> values = input.type() == FieldType.PICKLIST || input.type() == FieldType.MULTI_PICKLIST
                ? input.pickList() : List.of();
        List<PickListValue> pickList = values.stream().map(PickListValue::of).toList();
        PickLists.check(field, pickList);
        catalog.jdbc().inTransaction(c -> {
            insertDefinition(c, type, field);
            Jdbc.execute(c, "ALTER TABLE " + type.table() + " ADD COLUMN " + field.column() + " "
                    + ColumnTypes.sqlType(field.type(), field.maxLength()));
            if (field.sortable()) {
                Jdbc.execute(c, "CREATE INDEX " + indexName(type, field) + " ON " + type.table() + " ("
                        + indexColumns(type, field) + ")");
            }
            if (descendingIndexed(c, field)) {
                Jdbc.execute(c, "CREATE INDEX " + descendingIndexName(type, field) + " ON " + type.table() + " ("
                        + field.column() + " DESC, ID DESC)");
            }
            PickLists.write(c, type.id(), field.name(), pickList);
            return null;
        });
        catalog.changed(type.id());
        LOG.info("Custom field {} ({}) added to {}", field.name(), field.type(), type.id());
        return field;
    }

    @Override
    public void remove(String recordType, String name) {
        RecordType type = types.allowed(recordType, access, "configure");
        FieldDefinition field = catalog.field(type, name);
        if (!field.custom()) {
            throw FieldValues.invalid(field, "\"" + field.label() + "\" comes with the module and cannot be removed");
        }
        catalog.jdbc().inTransaction(c -> {
            if (field.sortable()) {
                Jdbc.execute(c, "DROP INDEX " + indexName(type, field));
            }
            if (descendingIndexed(c, field) && SearchSql.indexExists(c, type.table(), descendingIndexName(type, field))) {
                Jdbc.execute(c, "DROP INDEX " + descendingIndexName(type, field));
            }
            Jdbc.execute(c, "ALTER TABLE " + type.table() + " DROP COLUMN " + field.column());
            delete(c, "DELETE FROM CRM_PICKLIST_VALUE WHERE RECORD_TYPE = ? AND FIELD_NAME = ?", type.id(), name);
            delete(c, "DELETE FROM CRM_CUSTOM_FIELD WHERE RECORD_TYPE = ? AND NAME = ?", type.id(), name);
            return null;
        });
        catalog.changed(type.id());
        LOG.info("Custom field {} removed from {}", name, type.id());
    }

    @Override
    public List<PickListValue> pickList(String recordType, String field) {
        RecordType type = types.allowed(recordType, access, "view");
        PickLists.requirePickList(pickListField(type, field));
        return catalog.pickList(recordType, field);
    }

    @Override
    public void savePickList(String recordType, String name, List<PickListValue> values) {
        RecordType type = types.allowed(recordType, access, "configure");
        FieldDefinition field = pickListField(type, name);
        PickLists.requirePickList(field);
        PickLists.check(field, values);
        for (String set : type.moduleValues(name)) {
            if (values.stream().noneMatch(v -> v.value().strip().equals(set) && v.active())) {
                throw new ValidationException(List.of(new FieldError(name, "\"" + set + "\" is set by the "
                        + type.moduleId() + " module: it stays in the list and active")));
            }
        }
        boolean outcomes = Typifications.OPTIONS.equals(name); // past outcomes keep their text: always removable
        Set<String> kept = values.stream().map(PickListValue::value).collect(Collectors.toSet());
        catalog.jdbc().inTransaction(c -> {
            List<FieldError> errors = new ArrayList<>();
            for (PickListValue old : catalog.pickList(recordType, name)) {
                long used = outcomes || kept.contains(old.value()) ? 0 : PickLists.uses(c, type, field, old.value());
                if (used > 0) {
                    errors.add(new FieldError(name, "\"" + old.value() + "\" is still used by " + used
                            + " records: make it inactive instead of removing it"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            PickLists.replace(c, type.id(), name, values);
            return null;
        });
        catalog.changed(type.id());
    }

    /** @return the named field, or for {@link Typifications#OPTIONS} the outcome options' pick-list */
    private FieldDefinition pickListField(RecordType type, String name) {
        return Typifications.OPTIONS.equals(name) ? TypificationsImpl.OPTIONS_FIELD : catalog.field(type, name);
    }

    /** @return the definition of a new field, after checking the label, type and name are usable */
    private FieldDefinition definition(RecordType type, CustomFieldInput input) {
        String label = input.label() == null ? "" : input.label().strip();
        String name = name(label);
        String error = null;
        if (label.isEmpty()) {
            error = "Enter a label";
        } else if (label.length() > LABEL_MAX) {
            error = "At most " + LABEL_MAX + " characters";
        } else if (name.length() <= 3) {
            error = "Use letters or digits in the label";
        } else if (input.type() == FieldType.USER) {
            error = "User fields come with modules; use a pick-list or a lookup";
        } else {
            Set<String> taken = new HashSet<>();
            for (FieldDefinition existing : catalog.fields(type)) {
                taken.add(existing.name());
                taken.add(existing.label().toLowerCase(Locale.ROOT));
            }
            if (taken.contains(name) || taken.contains(label.toLowerCase(Locale.ROOT))) {
                error = "A field with this label already exists";
            }
        }
        if (error == null && input.type() == FieldType.LOOKUP
                && input.lookupType().flatMap(types::find).isEmpty()) {
            error = "Choose which kind of record the lookup refers to";
        }
        if (error != null) {
            throw new ValidationException(List.of(new FieldError("label", error)));
        }
        int length = ColumnTypes.length(input.type(), input.maxLength());
        return new FieldDefinition(name, label, input.type(), input.required(), length,
                ColumnTypes.indexed(input.type(), length), FieldCatalog.column(name), true,
                input.type() == FieldType.LOOKUP ? input.lookupType() : java.util.Optional.empty());
    }

    /** @return {@code cf_} and the label in lower-case letters, digits and single underscores */
    static String name(String label) {
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String name = "cf_" + slug;
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX).replaceAll("_+$", "") : name;
    }

    private static String indexName(RecordType type, FieldDefinition field) {
        String name = "IX_" + type.id().toUpperCase(Locale.ROOT) + "_" + field.column();
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    /**
     * @return whether the field gets a second, descending index: on Derby, which reads no index backwards,
     *     for the sortable numbers, amounts, dates and times a list is often sorted by descending
     */
    private boolean descendingIndexed(Connection c, FieldDefinition field) throws SQLException {
        return field.sortable() && switch (field.type()) {
            case NUMBER, MONEY, DATE, DATE_TIME -> true;
            default -> false;
        } && catalog.search().dialect(c) == SearchSql.Dialect.DERBY;
    }

    /** @return the name of the field's descending index on Derby, e.g. {@code IX_CONTACT_CF_SCORE_D} */
    private static String descendingIndexName(RecordType type, FieldDefinition field) {
        return indexName(type, field) + "_D";
    }

    private static String indexColumns(RecordType type, FieldDefinition field) {
        List<String> columns = new ArrayList<>();
        columns.add(field.column());
        for (var sort : type.defaultSort()) {
            type.fields().stream().filter(f -> f.name().equals(sort.field())).findFirst()
                    .map(FieldDefinition::column).filter(c -> !columns.contains(c)).ifPresent(columns::add);
        }
        columns.add("ID");
        return String.join(", ", columns);
    }

    private static void insertDefinition(Connection c, RecordType type, FieldDefinition field) throws SQLException {
        int position;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(POS), 0) + 1 FROM CRM_CUSTOM_FIELD"
                + " WHERE RECORD_TYPE = ?")) {
            s.setString(1, type.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                position = rs.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_CUSTOM_FIELD (RECORD_TYPE, NAME, LABEL, FIELD_TYPE,"
                + " REQUIRED, MAX_LENGTH, LOOKUP_TYPE, POS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, type.id());
            s.setString(2, field.name());
            s.setString(3, field.label());
            s.setString(4, field.type().name());
            s.setBoolean(5, field.required());
            s.setInt(6, field.maxLength());
            s.setString(7, field.lookupType().orElse(null));
            s.setInt(8, position);
            s.executeUpdate();
        }
    }

    private static void delete(Connection c, String sql, String recordType, String field) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, recordType);
            s.setString(2, field);
            s.executeUpdate();
        }
    }
}
