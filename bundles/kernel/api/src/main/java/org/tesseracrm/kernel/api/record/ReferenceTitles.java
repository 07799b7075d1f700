package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fills, at read time, the fields of a record type that name records of other types by their titles
 * (the record an activity belongs to, its participants): fields a lookup cannot express because the
 * type referred to varies per row. Registered as a service with property {@link RecordType#ID} naming
 * the record type.
 *
 * <p>The record platform calls it, as the caller, for each page of a list, each record it reads and
 * each batch of an export, and returns the values it gives instead of the stored ones. An
 * implementation takes the titles from {@link Records#shownTitles} of the {@code records} it is handed,
 * one call per record type, so a caller who may not see a record never receives its title; whatever
 * text the module stored in those fields is never shown. It is handed the platform rather than
 * referencing {@link Records} itself: the platform tracks these services, so a reference back would be
 * a service cycle that Declarative Services resolves only sometimes.
 *
 * @since record 2.1
 */
@ConsumerType
public interface ReferenceTitles {
    /**
     * @param recordType the record type id
     * @param rows rows as stored, all fields
     * @param records the record platform, to name records by
     * @return by record id, the values to show instead of the stored ones, by field name; rows and fields
     *     not in it keep their stored values
     */
    Map<Long, Map<String, Object>> titles(String recordType, List<RecordRow> rows, Records records);
}
