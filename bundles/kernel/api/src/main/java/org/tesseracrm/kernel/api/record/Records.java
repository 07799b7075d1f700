package org.tesseracrm.kernel.api.record;

import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * Generic access to the records of any installed record type: the list views, exports and custom
 * values of every module go through here. Paging, sorting and filtering happen in the database;
 * the caller sees only records whose owner is visible to them.
 */
@ProviderType
public interface Records {
    /** The most records one bulk action works on; a larger selection is refused, to be narrowed. */
    int BULK_LIMIT = 10_000;

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
     * Reads a list page by page with a cursor, for clients that walk a whole list (the REST API): unlike an
     * offset, a cursor stays as fast on the last page of a million rows as on the first, and rows added or
     * deleted meanwhile shift nothing. The cursor is opaque text; it is only valid with the same record type,
     * order, search text and filters.
     *
     * <p>The default reads by offset (the cursor holds it), so that an implementation without keyset reads
     * still answers correctly.
     *
     * @param recordType a record type id
     * @param query order, search text, filters and the page size ({@link RecordQuery#limit}); its offset is
     *     ignored
     * @param cursor empty for the first page, else a {@link RecordSlice#next} of the previous page
     * @return the page and the cursor of the next one
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException as {@link #page}, and for a cursor that is not one
     *     this method gave for this query
     * @since 2.1
     */
    default RecordSlice slice(String recordType, RecordQuery query, Optional<String> cursor) {
        int offset = 0;
        if (cursor.isPresent()) {
            String text = cursor.get();
            try {
                offset = text.startsWith("o") ? Integer.parseInt(text.substring(1)) : -1;
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) {
                throw new ValidationException(List.of(new FieldError("cursor",
                        "This cursor is not valid for this list; start again from the first page.")));
            }
        }
        int size = query.limit();
        // one row more tells whether a next page exists; at the largest page size, a full page may have one
        List<RecordRow> rows = page(recordType, query.withPage(offset, Math.min(size + 1, RecordQuery.MAX_LIMIT)));
        boolean more = rows.size() > size || size == RecordQuery.MAX_LIMIT && rows.size() == size;
        return new RecordSlice(more ? rows.subList(0, size) : rows,
                more ? Optional.of("o" + (offset + size)) : Optional.empty());
    }

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
     * Groups a list by a single-choice field, as a board shows it in columns: for each value, how many of the
     * records the query matches hold it and the sums of some number fields over them, in one grouped read (the same
     * visibility, search text and filters as {@link #page}). The records of one group are a {@link #page} or
     * {@link #slice} of the same query with the filter {@link #groupFilter}.
     *
     * <p>The groups come in the order a board shows its columns: for a pick-list, every active value in the
     * admin's order (an empty group too), then inactive or unknown values some records still hold; for a user
     * field (the owner), the users holding records, by name. A last group with an empty value holds the records
     * without a value, when there are any.
     *
     * @param recordType a record type id
     * @param query search text and filters (page and order are ignored)
     * @param groupField the field to group by: a {@link FieldType#PICKLIST} or {@link FieldType#USER} field
     * @param sumFields {@link FieldType#NUMBER} or {@link FieldType#MONEY} fields to sum; may be empty
     * @return the groups
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException as {@link #page}, and if the grouping field is not a
     *     pick-list or user field or a summed field not a number
     * @since 2.1
     */
    List<RecordGroup> groups(String recordType, RecordQuery query, String groupField, List<String> sumFields);

    /**
     * @param groupField the field a list is grouped by
     * @param value a group's {@link RecordGroup#value}
     * @return the filter that keeps the records of that group: the field is exactly the value, or is empty
     * @since 2.1
     */
    static Filter groupFilter(String groupField, Optional<String> value) {
        return value.map(v -> Filter.of(groupField, FilterOp.IN, v))
                .orElseGet(() -> new Filter(groupField, FilterOp.EMPTY, List.of()));
    }

    /**
     * Groups the records a query matches by up to two fields and computes figures per group, in one grouped read in
     * the database: what reports, dashboards and KPIs show. The same permission, visibility, search text and filters
     * as {@link #page}: two users asking the same get their own figures.
     *
     * <p>A grouping is a field of the type or, one level deep, {@code lookupField.targetField} of the record a lookup
     * points at (only of a type the caller may view; a looked-up record the caller does not see counts as no value).
     * Grouping by a lookup field itself groups by the id of the record it points at, labelled as
     * {@link #shownTitles} names it. A date or date-time field is grouped by a {@link DateBucket}, in the caller's
     * time zone. Long text and multi pick-list fields cannot be grouped by.
     *
     * <p>Rows come in the order of the groupings, the first most significant: a pick-list's values in the admin's
     * order, dates ascending, users, lookups and other values by label, booleans no before yes; a group without a
     * value last. Only groups holding records come back.
     *
     * @param recordType a record type id
     * @param query search text and filters (page and order are ignored)
     * @param groups no grouping (one row over all matching records), one or two
     * @param measures one to {@value #MAX_MEASURES} figures per row
     * @return the rows, at most {@value #MAX_AGGREGATE_ROWS}
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException as {@link #page}; for an unknown or ungroupable field, a
     *     date without a bucket or a bucket on another field, a measure over a field that is not a number (or date
     *     for MIN and MAX), more than two groupings or {@value #MAX_MEASURES} measures, and for more than
     *     {@value #MAX_AGGREGATE_ROWS} rows (narrow the filters or choose a coarser bucket)
     * @since 2.4
     */
    List<AggregateRow> aggregate(String recordType, RecordQuery query, List<Grouping> groups, List<Measure> measures);

    /** The most rows {@link #aggregate} returns; more is refused, to be narrowed. */
    int MAX_AGGREGATE_ROWS = 5_000;

    /** The most measures one {@link #aggregate} computes. */
    int MAX_MEASURES = 10;

    /**
     * The filters that keep exactly the records of one row of {@link #aggregate}: added to the same query, a
     * {@link #page} or {@link #count} lists exactly the records counted in the row (a chart's click-through). A
     * value is an {@link FilterOp#IN} or {@link FilterOp#EQUALS} filter, no value an {@link FilterOp#EMPTY} one, a
     * date bucket a {@link FilterOp#BETWEEN} of its first and last day (of a date-time, its first and last instant
     * in the caller's time zone, in UTC as filters take them). Filters on {@code lookupField.targetField} names are
     * accepted by every list query.
     *
     * @param recordType the record type aggregated
     * @param groups the groupings of the aggregate
     * @param keys a row's {@link AggregateRow#keys}
     * @return one filter per grouping
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException for groupings {@link #aggregate} refuses, or keys that
     *     are not of the groupings
     * @since 2.4
     */
    List<Filter> aggregateFilters(String recordType, List<Grouping> groups, List<Optional<String>> keys);

    /**
     * @param recordType a record type id
     * @param id a record id
     * @return the record with all its fields, if it exists and the caller sees it
     */
    Optional<RecordRow> get(String recordType, long id);

    /**
     * {@link #get(String, long)} for many records in one read: for a module whose own query selects which
     * records a list shows and in which order (records some user takes part in, due reminders), and then
     * reads them whole through the platform, with the same fields, checks and titles as {@code get}.
     *
     * @param recordType a record type id
     * @param ids record ids, in the order wanted
     * @return the records with these ids that exist and the caller sees, all fields, each once, in the order of
     *     the ids; the others are left out
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @since 2.1
     */
    List<RecordRow> get(String recordType, List<Long> ids);

    /**
     * Creates a record, checked as {@link #update} checks a change, and audits it. The caller owns it
     * unless the values name another owner the caller may assign records to.
     *
     * @param recordType a record type id whose module supports it ({@link RecordType#ids} present)
     * @param values typed values by field name; a missing or empty one means none. The owner is a user
     *     name under {@code owner}
     * @return the new record
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.create}, or
     *     if the caller may not assign records to the owner named
     * @throws org.tesseracrm.kernel.api.ValidationException with one message per bad field, including a
     *     value whose Java type does not fit its field's type
     * @since 2.1
     */
    RecordRow create(String recordType, RecordValues values);

    /**
     * {@link #create(String, RecordValues)} with values as text.
     *
     * @param recordType a record type id whose module supports it ({@link RecordType#ids} present)
     * @param values values by field name, text as in {@link Filter}; blank or missing means none
     * @return the new record
     * @deprecated use {@link #create(String, RecordValues)}: typed values are not formatted and parsed back
     */
    @Deprecated(since = "2.1")
    default RecordRow create(String recordType, Map<String, String> values) {
        return create(recordType, text(values));
    }

    /**
     * Finds records by what users type into a lookup: the text is searched like a list's search box.
     *
     * @param recordType a record type id
     * @param text what was typed; blank lists the first records in the default order
     * @param limit the most records wanted
     * @return matching records the caller sees, in the record type's default order
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     */
    List<RecordRef> lookup(String recordType, String text, int limit);

    /**
     * The one way to another record's title: every screen, report, export and service that names a
     * record of another type (a lookup, the record an activity belongs to, a participant, a follow-up's
     * operation) reads its title here at read time, one call per page and record type, never from text
     * it stored earlier. It never refuses: a caller without {@code <moduleId>.view}, or without the record
     * in their visibility, simply gets no title.
     *
     * @param recordType a record type id
     * @param ids record ids, as lookup fields hold them
     * @return the title of each of those records the caller may see, by id: none without
     *     {@code <moduleId>.view} or if the type is not installed
     */
    Map<Long, String> titles(String recordType, Collection<Long> ids);

    /**
     * What to show for references to records of one type: {@link #titles} for the records the caller may
     * see, and for every other id (no {@code <moduleId>.view}, not in the caller's visibility, deleted,
     * module not installed) a neutral name that gives nothing away, e.g. "Contact #12".
     *
     * @param recordType a record type id
     * @param ids record ids
     * @return a text for every one of the ids, by id
     * @since 2.1
     */
    Map<Long, String> shownTitles(String recordType, Collection<Long> ids);

    /**
     * {@link #shownTitles(String, Collection)} for references to records of several types, such as a page
     * of activities naming the records they belong to: one call per record type, never one per record.
     *
     * @param refs the records referred to, by type and id (their titles are ignored)
     * @return a text for every one of them, by record type and id
     * @since 2.1
     */
    default Map<String, Map<Long, String>> shownTitles(Collection<RecordRef> refs) {
        Map<String, Set<Long>> byType = new LinkedHashMap<>();
        refs.forEach(ref -> byType.computeIfAbsent(ref.recordType(), type -> new LinkedHashSet<>()).add(ref.id()));
        Map<String, Map<Long, String>> shown = new HashMap<>();
        byType.forEach((type, ids) -> shown.put(type, shownTitles(type, ids)));
        return shown;
    }

    /**
     * Finds records that may be the same as the one being entered: any of the type's
     * {@link RecordType#duplicateFields duplicate fields} holds the same value (text ignoring case).
     *
     * @param recordType a record type id
     * @param values the values being entered, by field name; one that does not fit its field matches nothing
     * @param except the id of the record being edited, or 0 for a new one
     * @return up to 10 such records the caller sees
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @since 2.1
     */
    List<RecordRef> duplicates(String recordType, RecordValues values, long except);

    /**
     * {@link #duplicates(String, RecordValues, long)} with values as text.
     *
     * @param recordType a record type id
     * @param values the values being entered, by field name, text as in {@link Filter}
     * @param except the id of the record being edited, or 0 for a new one
     * @return up to 10 such records the caller sees
     * @deprecated use {@link #duplicates(String, RecordValues, long)}
     */
    @Deprecated(since = "2.1")
    default List<RecordRef> duplicates(String recordType, Map<String, String> values, long except) {
        return duplicates(recordType, text(values), except);
    }

    /**
     * Merges two records into one: the survivor takes the chosen values, everything that pointed at the
     * other record (lookup fields of any record type, notes, attachments, and what modules re-point
     * through {@link MergeParticipant}) then points at the survivor, and the other record is deleted.
     * Both are audited.
     *
     * @param recordType a record type id
     * @param survivorId the record that stays
     * @param survivorVersion its version as the caller read it
     * @param mergedId the record that goes
     * @param values the survivor's new values, as {@link #update} takes them
     * @return the survivor after the merge
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit} and
     *     {@code .delete}
     * @throws org.tesseracrm.kernel.api.ValidationException for bad values, or a record merged with itself
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see both records
     * @throws org.tesseracrm.kernel.api.ConflictException if the survivor changed since it was read
     * @since 2.1
     */
    RecordRow merge(String recordType, long survivorId, long survivorVersion, long mergedId, RecordValues values);

    /**
     * {@link #merge(String, long, long, long, RecordValues)} with values as text.
     *
     * @param recordType a record type id
     * @param survivorId the record that stays
     * @param survivorVersion its version as the caller read it
     * @param mergedId the record that goes
     * @param values the survivor's new values, text as in {@link Filter}
     * @return the survivor after the merge
     * @deprecated use {@link #merge(String, long, long, long, RecordValues)}
     */
    @Deprecated(since = "2.1")
    default RecordRow merge(String recordType, long survivorId, long survivorVersion, long mergedId,
            Map<String, String> values) {
        return merge(recordType, survivorId, survivorVersion, mergedId, text(values));
    }

    /**
     * @param values values as text, or null
     * @return them for the typed methods; null stays null, so an implementation refuses a caller without
     *     the permission before it looks at the values, as it did when these methods took text
     */
    private static RecordValues text(Map<String, String> values) {
        return values == null ? null : RecordValues.ofText(values);
    }

    /**
     * Changes fields of one record (an inline edit, a form's custom fields) and audits the change. The
     * values are checked like an import checks them: types, lengths, required fields, active pick-list
     * values and the record type's own {@link RecordType#check rules} on the record as it would become.
     *
     * @param recordType a record type id
     * @param id the record id
     * @param version the version the caller read
     * @param values new typed values by field name; an empty one clears. Any field an import may set
     *     except the owner, which {@link #assign} changes
     * @return the record after the change, with its new version
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit}
     * @throws org.tesseracrm.kernel.api.ValidationException with one message per bad field, including a
     *     value whose Java type does not fit its field's type
     * @throws org.tesseracrm.kernel.api.ConflictException if someone changed the record since
     * @since 2.1
     */
    RecordRow update(String recordType, long id, long version, RecordValues values);

    /**
     * {@link #update(String, long, long, RecordValues)} with values as text.
     *
     * @param recordType a record type id
     * @param id the record id
     * @param version the version the caller read
     * @param values new values by field name, text as in {@link Filter}; blank clears
     * @return the record after the change, with its new version
     * @deprecated use {@link #update(String, long, long, RecordValues)}
     */
    @Deprecated(since = "2.1")
    default RecordRow update(String recordType, long id, long version, Map<String, String> values) {
        return update(recordType, id, version, text(values));
    }

    /**
     * Checks custom field values the way {@link #update} will, without saving, so a form can
     * report every problem before it saves the module's own fields.
     *
     * @param recordType a record type id
     * @param values custom field values by field name, text as in {@link Filter}
     * @throws org.tesseracrm.kernel.api.ValidationException with one message per bad field
     */
    void checkCustomValues(String recordType, Map<String, String> values);

    /**
     * Writes every record matching the query (ignoring its page) to a file, streaming row by row:
     * {@link #export(String, RecordQuery, List, boolean, ExportFormat, OutputStream, LongConsumer)}
     * without the lookup id columns.
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

    /**
     * Writes every record matching the query (ignoring its page) to a file, streaming row by row, as
     * the list shows them: a lookup field holds the title of the record it points at (through
     * {@link #shownTitles}), CSV text cells are neutralised with {@link ExportFormat#csvCell}.
     *
     * @param recordType a record type id
     * @param query order, search text and filters
     * @param fields the field names to write, in column order; empty for all
     * @param lookupIds whether each lookup column is followed by a "&lt;label&gt; id" column holding the
     *     id of the record it points at (for re-importing or matching elsewhere)
     * @param format the file format
     * @param out where the file goes; not closed
     * @param progress told the number of rows written so far, every 1,000 rows and at the end
     * @return the number of records written
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.export}
     * @since 2.1
     */
    long export(String recordType, RecordQuery query, List<String> fields, boolean lookupIds, ExportFormat format,
            OutputStream out, LongConsumer progress);

    /**
     * @param recordType a record type id
     * @param selection ticked records or a query
     * @return the ids of the selected records the caller sees, in the list's default order
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException if more than {@link #BULK_LIMIT} match
     */
    List<Long> ids(String recordType, RecordSelection selection);

    /**
     * Deletes the selected records the caller sees, all or none, and audits each.
     *
     * @param recordType a record type id
     * @param selection ticked records or a query
     * @return the number of records deleted
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.delete}, or
     *     without {@code .bulk-delete} for more than one ticked record or a query
     * @throws org.tesseracrm.kernel.api.ValidationException if more than {@link #BULK_LIMIT} match
     * @throws org.tesseracrm.kernel.api.ConflictException if one of them changed meanwhile (nothing is deleted)
     */
    long delete(String recordType, RecordSelection selection);

    /**
     * Hands the selected records the caller sees over to another user, all or none, and audits each.
     *
     * @param recordType a record type id
     * @param selection ticked records or a query
     * @param owner the new owner: an active user at the caller's role or below
     * @return the number of records whose owner changed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit} (and
     *     {@code .bulk-edit} for more than one ticked record or a query), or if the caller may not
     *     assign records to that user
     */
    long assign(String recordType, RecordSelection selection, String owner);

    /**
     * Sets one field to the same value on the selected records the caller sees. Every record is checked
     * as {@link #update} checks one; if any fails, nothing changes and the errors name the records.
     *
     * @param recordType a record type id
     * @param selection ticked records or a query
     * @param field the field name, as {@link #update} accepts
     * @param value the value as text; blank clears
     * @return the number of records changed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit} and
     *     {@code .bulk-edit}
     * @throws org.tesseracrm.kernel.api.ValidationException if the value is bad or a record would break a rule
     */
    long updateAll(String recordType, RecordSelection selection, String field, String value);

    /**
     * Moves what hangs on one record to another record, of the same or another type, as converting a lead
     * moves its history to the contact it became: its notes, files and outcomes, and the rows modules keep
     * about it (activities, follow-ups, ...) through their {@link RelatedItems} participants, all in the
     * caller's transaction when there is one (else in one of its own). Each record gets an audit entry naming
     * the other; the records' own fields do not change.
     *
     * @param recordType the type of the record whose items move
     * @param id its id
     * @param to the record they move to, by type and id (its title is ignored)
     * @return the number of notes, files and outcomes moved (modules' own rows are not counted)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit} on both types
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see one of the records
     * @throws org.tesseracrm.kernel.api.ValidationException for a record moved onto itself
     * @since 2.2
     */
    int moveRelated(String recordType, long id, RecordRef to);
}
