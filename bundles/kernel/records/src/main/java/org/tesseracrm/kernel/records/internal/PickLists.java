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
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;

/** Rules and storage of pick-list values. */
final class PickLists {
    static final int VALUE_MAX = 100;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private PickLists() {
    }

    /**
     * A record may keep an inactive value it already has, but nobody chooses one anew.
     *
     * @param chosen the new value: a value, or a list for a multi pick-list
     * @param kept the record's value before the change, or null
     * @param values the pick-list
     * @return the chosen values that are neither active nor kept
     */
    static List<Object> refused(Object chosen, Object kept, List<PickListValue> values) {
        List<String> active = values.stream().filter(PickListValue::active).map(PickListValue::value).toList();
        List<?> wanted = chosen instanceof List<?> list ? list : List.of(chosen);
        List<?> had = kept instanceof List<?> list ? list : kept == null ? List.of() : List.of(kept);
        return wanted.stream().filter(v -> !active.contains(v) && !had.contains(v)).map(v -> (Object) v).toList();
    }

    static void requirePickList(FieldDefinition field) {
        if (field.type() != FieldType.PICKLIST && field.type() != FieldType.MULTI_PICKLIST) {
            throw FieldValues.invalid(field, "\"" + field.label() + "\" is not a pick-list");
        }
    }

    /** Checks values are present, short, free of separators, distinct, and at most one is default. */
    static void check(FieldDefinition field, List<PickListValue> values) {
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PickListValue value : values) {
            String text = value.value().strip();
            if (text.isEmpty()) {
                errors.add("Values cannot be blank");
            } else if (text.length() > VALUE_MAX) {
                errors.add("\"" + text.substring(0, 20) + "…\" is longer than " + VALUE_MAX + " characters");
            } else if (text.contains(";") || text.contains("|")) {
                errors.add("\"" + text + "\" contains ; or |, which separate values");
            } else if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                errors.add("\"" + text + "\" appears twice");
            }
            if (value.colour().filter(c -> !COLOUR.matcher(c).matches()).isPresent()) {
                errors.add("Colour of \"" + text + "\" must look like #2e7d32");
            }
        }
        if (values.stream().filter(PickListValue::isDefault).count() > 1) {
            errors.add("Only one value can be the default");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().map(e -> new FieldError(field.name(), e)).toList());
        }
    }

    /** Replaces the stored list of a field by the given values, in their order. */
    static void replace(Connection c, String recordType, String field, List<PickListValue> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM CRM_PICKLIST_VALUE WHERE RECORD_TYPE = ? AND "
                + "FIELD_NAME = ?")) {
            s.setString(1, recordType);
            s.setString(2, field);
            s.executeUpdate();
        }
        write(c, recordType, field, values);
    }

    static void write(Connection c, String recordType, String field, List<PickListValue> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_PICKLIST_VALUE (RECORD_TYPE, FIELD_NAME, VAL, POS,"
                + " COLOUR, IS_DEFAULT, ACTIVE) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (PickListValue value : values) {
                s.setString(1, recordType);
                s.setString(2, field);
                s.setString(3, value.value().strip());
                s.setInt(4, position++);
                s.setString(5, value.colour().orElse(null));
                s.setBoolean(6, value.isDefault());
                s.setBoolean(7, value.active());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** @return how many records of the type hold the value in the field */
    static long uses(Connection c, RecordType type, FieldDefinition field, String value) throws SQLException {
        boolean multi = field.type() == FieldType.MULTI_PICKLIST;
        String sql = "SELECT COUNT(*) FROM " + type.table() + " WHERE " + field.column()
                + (multi ? " LIKE ? ESCAPE '\\'" : " = ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, multi ? "%|" + RecordSql.escapeLike(value) + "|%" : value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
