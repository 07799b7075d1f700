package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Records in memory, shaped as the installed modules shape them (a contact with an e-mail and a company lookup, a
 * company with an e-mail, a quote with an e-mail, contact and company lookups and a lookup to its previous revision,
 * an activity without e-mail): only the field definitions say what is what.
 */
final class FakeDirectory implements RecordDirectory {
    final Map<String, List<FieldDefinition>> fields = new LinkedHashMap<>();
    final Map<String, Map<Long, RecordRow>> rows = new LinkedHashMap<>();
    /** Types the caller may not read. */
    final Set<String> hidden = new HashSet<>();

    FakeDirectory() {
        fields.put("activity", List.of(text("subject"), lookup("contact", "contact")));
        fields.put("company", List.of(text("name"), email("email", "E-mail")));
        fields.put("contact", List.of(text("name"), email("email", "E-mail"), email("cf_private", "Private e-mail"),
                lookup("company", "company")));
        fields.put("quote", List.of(text("name"), email("email", "E-mail"), lookup("contact", "contact"),
                lookup("company", "company"), lookup("previous", "quote")));
    }

    static FieldDefinition text(String name) {
        return FieldDefinition.predefined(name, name, FieldType.TEXT, name.toUpperCase(), false, 200);
    }

    static FieldDefinition email(String name, String label) {
        return FieldDefinition.predefined(name, label, FieldType.EMAIL, name.toUpperCase(), false, 254);
    }

    static FieldDefinition lookup(String name, String type) {
        return new FieldDefinition(name, name, FieldType.LOOKUP, false, 0, true, name.toUpperCase(), false,
                Optional.of(type));
    }

    /** Adds a record; values alternate name, value. */
    FakeDirectory add(String type, long id, Object... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            map.put((String) values[i], values[i + 1]);
        }
        rows.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, new RecordRow(id, 1, map));
        return this;
    }

    @Override
    public List<String> types() {
        return List.copyOf(fields.keySet());
    }

    @Override
    public List<FieldDefinition> fields(String recordType) {
        return fields.getOrDefault(recordType, List.of());
    }

    @Override
    public Optional<RecordRow> get(String recordType, long id) {
        return hidden.contains(recordType) ? Optional.empty()
                : Optional.ofNullable(rows.getOrDefault(recordType, Map.of()).get(id));
    }

    @Override
    public String title(String recordType, RecordRow row) {
        return row.text("name");
    }

    @Override
    public List<RecordRow> pointingAt(String recordType, String lookupField, long id, int limit) {
        List<RecordRow> found = new ArrayList<>();
        if (hidden.contains(recordType)) {
            return found;
        }
        for (RecordRow row : rows.getOrDefault(recordType, Map.of()).values()) {
            if (Long.valueOf(id).equals(row.values().get(lookupField)) && found.size() < limit) {
                found.add(row);
            }
        }
        return found;
    }
}
