package org.tesseracrm.kernel.api.record;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Generic access to the records of any installed record type: the list views, exports and custom
 * values of every module go through here. Paging, sorting and filtering happen in the database;
 * the caller sees only records whose owner is visible to them.
 */
@ProviderType
public interface Records {
    /**
     * @param recordType a record type id
     * @param query page, order, search text and filters
     * @return the page's rows, all fields
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException if a filter names an unknown field, uses
     *     an operator the field's type does not support, or has a value that does not parse
     */
    List<RecordRow> page(String recordType, RecordQuery query);

    /**
     * Counts matching records, stopping at a bound so a count never reads a whole large table.
     *
     * @param recordType a record type id
     * @param query search text and filters (page and order are ignored)
     * @param atMost the largest count wanted
     * @return the number of matching records, or {@code atMost} if there are at least that many
     */
    long count(String recordType, RecordQuery query, long atMost);

    /**
     * @param recordType a record type id
     * @param id a record id
     * @return the record with all its fields, if it exists and the caller sees it
     */
    Optional<RecordRow> get(String recordType, long id);

    /**
     * Sets custom field values of one record, checks them like a form would, and audits the change.
     *
     * @param recordType a record type id
     * @param id the record id
     * @param version the version the caller read
     * @param values custom field values by field name, text as in {@link Filter}; blank clears
     * @return the record after the change, with its new version
     * @throws org.tesseracrm.kernel.api.ValidationException with one message per bad field
     * @throws org.tesseracrm.kernel.api.ConflictException if someone changed the record since
     */
    RecordRow saveCustomValues(String recordType, long id, long version, Map<String, String> values);

    /**
     * Checks custom field values the way {@link #saveCustomValues} will, without saving, so a form can
     * report every problem before it saves the module's own fields.
     *
     * @param recordType a record type id
     * @param values custom field values by field name, text as in {@link Filter}
     * @throws org.tesseracrm.kernel.api.ValidationException with one message per bad field
     */
    void checkCustomValues(String recordType, Map<String, String> values);

    /**
     * Writes every record matching the query (ignoring its page) to a file, streaming row by row.
     *
     * @param recordType a record type id
     * @param query order, search text and filters
     * @param fields the field names to write, in column order; empty for all
     * @param format the file format
     * @param out where the file goes; not closed
     * @param progress told the number of rows written so far, every 1,000 rows and at the end
     * @return the number of records written
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.export}
     */
    long export(String recordType, RecordQuery query, List<String> fields, ExportFormat format, OutputStream out,
            LongConsumer progress);
}
