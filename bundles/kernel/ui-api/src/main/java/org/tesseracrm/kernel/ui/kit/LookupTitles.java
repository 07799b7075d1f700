package org.tesseracrm.kernel.ui.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Shows lookup values as the titles of the records they point at, read once per page of rows with one
 * query per looked-up record type, through {@link Records#shownTitles}: a record the user may not see
 * shows a neutral name with its id.
 */
final class LookupTitles {
    private final Records records;
    private final Map<String, Map<Long, String>> byType = new ConcurrentHashMap<>();
    private final LocalTimes times = LocalTimes.current();

    LookupTitles(Records records) {
        this.records = records;
    }

    /**
     * Reads the titles the rows' lookup fields need.
     *
     * @return the rows
     */
    List<RecordRow> load(List<FieldDefinition> fields, List<RecordRow> rows) {
        for (FieldDefinition field : fields) {
            if (field.type() != FieldType.LOOKUP) {
                continue;
            }
            String target = field.lookupType().orElseThrow();
            List<Long> ids = rows.stream().map(row -> (Long) row.values().get(field.name())).filter(Objects::nonNull)
                    .distinct().toList();
            if (!ids.isEmpty()) {
                // a record the user may not see comes back with a neutral name ("Company #12")
                byType.computeIfAbsent(target, t -> new ConcurrentHashMap<>()).putAll(records.shownTitles(target, ids));
            }
        }
        return rows;
    }

    /**
     * @return the field's value as a list shows it: a lookup as its record's title, dates and times in the
     *     user's zone and locale
     */
    String text(FieldDefinition field, RecordRow row) {
        Object value = row.values().get(field.name());
        if (field.type() != FieldType.LOOKUP || value == null) {
            return times.text(value);
        }
        return byType.getOrDefault(field.lookupType().orElseThrow(), Map.of()).getOrDefault((Long) value, "#" + value);
    }
}
