package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The custom field definitions and pick-list values of every record type, read from the database
 * once and kept until they change. No permission checks here: the public services check them.
 */
@Component(service = FieldCatalog.class)
public class FieldCatalog {
    private final Jdbc jdbc;
    private final Map<String, List<FieldDefinition>> custom = new ConcurrentHashMap<>();
    private final Map<String, List<PickListValue>> pickLists = new ConcurrentHashMap<>();
    private final SearchState search = new SearchState();

    /**
     * @param scope the CRM database's transaction scope
     * @param schema present once the platform's tables exist
     */
    @Activate
    public FieldCatalog(@Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.records)") MigratedSchema schema) {
        this.jdbc = new Jdbc(scope);
    }

    Jdbc jdbc() {
        return jdbc;
    }

    /** @return what the platform's search indexes hold, for every service building record SQL */
    SearchState search() {
        return search;
    }

    /** @return the type's predefined fields followed by its custom fields */
    List<FieldDefinition> fields(RecordType type) {
        List<FieldDefinition> all = new ArrayList<>(type.fields());
        all.addAll(custom.computeIfAbsent(type.id(), id -> jdbc.inTransaction(c -> loadCustom(c, id))));
        return List.copyOf(all);
    }

    /** @return the named field of the type */
    FieldDefinition field(RecordType type, String name) {
        return fields(type).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> RecordSql.unknownField(type, name));
    }

    /** @return the values of a pick-list field, in order, inactive included */
    List<PickListValue> pickList(String recordType, String field) {
        return pickLists.computeIfAbsent(recordType + "." + field,
                key -> jdbc.inTransaction(c -> loadPickList(c, recordType, field)));
    }

    /** Forgets what it read about a record type, after a change. */
    void changed(String recordType) {
        custom.remove(recordType);
        pickLists.keySet().removeIf(key -> key.startsWith(recordType + "."));
    }

    private static List<FieldDefinition> loadCustom(Connection c, String recordType) throws SQLException {
        List<FieldDefinition> fields = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT NAME, LABEL, FIELD_TYPE, REQUIRED, MAX_LENGTH, LOOKUP_TYPE"
                + " FROM CRM_CUSTOM_FIELD WHERE RECORD_TYPE = ? ORDER BY POS")) {
            s.setString(1, recordType);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    FieldType type = FieldType.valueOf(rs.getString(3));
                    int length = rs.getInt(5);
                    String name = rs.getString(1);
                    fields.add(new FieldDefinition(name, rs.getString(2), type, rs.getBoolean(4), length,
                            ColumnTypes.indexed(type, length), column(name), true,
                            Optional.ofNullable(rs.getString(6))));
                }
            }
        }
        return List.copyOf(fields);
    }

    private static List<PickListValue> loadPickList(Connection c, String recordType, String field) throws SQLException {
        List<PickListValue> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT VAL, COLOUR, IS_DEFAULT, ACTIVE FROM CRM_PICKLIST_VALUE"
                + " WHERE RECORD_TYPE = ? AND FIELD_NAME = ? ORDER BY POS")) {
            s.setString(1, recordType);
            s.setString(2, field);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(new PickListValue(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getBoolean(3),
                            rs.getBoolean(4)));
                }
            }
        }
        return List.copyOf(values);
    }

    /** @return the column of a custom field: {@code cf_segment} is kept in {@code CF_SEGMENT} */
    static String column(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
