package org.tesseracrm.activities.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Names the records activities refer to (the record each belongs to, its participants) for the caller,
 * at read time, through {@link Records#shownTitles}: one call per record type for a whole list, and a
 * neutral "Contact #12" for what the caller may not see. The titles stored with an activity are never
 * shown. The record platform calls it (through {@link ActivityReferenceTitles}) once for every list page,
 * record and export batch it reads, so an {@link Activity} read through the platform is already named
 * for its caller; {@link ActivityService} only asks it for a form's participants.
 */
final class ActivityTitles {
    /** The most activities whose participants one statement reads. */
    private static final int IDS_PER_QUERY = 500;

    private final Records records;
    private final DataSource dataSource;

    ActivityTitles(Records records, DataSource dataSource) {
        this.records = records;
        this.dataSource = dataSource;
    }

    /**
     * @param rows activities as the record platform read them
     * @return by activity id, its {@code relatedTitle} and {@code participants} as the caller may see them
     */
    Map<Long, Map<String, Object>> values(List<RecordRow> rows) {
        Map<String, Map<Long, String>> related = records.shownTitles(rows.stream().map(ActivityTitles::related)
                .flatMap(Optional::stream).toList());
        Map<Long, List<RecordRef>> taking = participants(rows.stream().map(RecordRow::id).toList());
        Map<Long, Map<String, Object>> values = new HashMap<>();
        for (RecordRow row : rows) {
            Map<String, Object> shown = new HashMap<>();
            shown.put("relatedTitle", related(row).map(r -> related.get(r.recordType()).get(r.id())).orElse(null));
            String joined = joined(taking.getOrDefault(row.id(), List.of()));
            shown.put("participants", joined.isEmpty() ? null : joined);
            values.put(row.id(), shown);
        }
        return values;
    }

    /** @return the record the activity belongs to, if it names one */
    private static Optional<RecordRef> related(RecordRow row) {
        String type = row.text("relatedType");
        return row.decimal("relatedId").filter(id -> !type.isEmpty())
                .map(id -> new RecordRef(type, id.longValue(), ""));
    }

    /**
     * @param activityIds activities the caller sees
     * @return by activity id, its participants named as the caller may see them, by title
     */
    Map<Long, List<RecordRef>> participants(Collection<Long> activityIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(activityIds));
        Map<Long, List<RecordRef>> stored = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            ModuleSql.query(dataSource, "SELECT ACTIVITY_ID, RECORD_TYPE, RECORD_ID FROM CRM_ACTIVITY_PARTICIPANT WHERE ACTIVITY_ID IN ("
                    + ModuleSql.placeholders(some.size()) + ")", some, Integer.MAX_VALUE,
                    rs -> Map.entry(rs.getLong(1), new RecordRef(rs.getString(2), rs.getLong(3), "")))
                    .forEach(e -> stored.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, Map<Long, String>> titles = records.shownTitles(stored.values().stream().flatMap(List::stream).toList());
        Map<Long, List<RecordRef>> named = new HashMap<>();
        stored.forEach((activity, refs) -> named.put(activity, refs.stream()
                .map(r -> new RecordRef(r.recordType(), r.id(), titles.get(r.recordType()).get(r.id())))
                .sorted(Comparator.comparing(RecordRef::title)).toList()));
        return named;
    }

    private static String joined(List<RecordRef> participants) {
        return String.join(org.tesseracrm.kernel.api.record.RecordRow.MULTI_SEPARATOR,
                participants.stream().map(RecordRef::title).toList());
    }
}
