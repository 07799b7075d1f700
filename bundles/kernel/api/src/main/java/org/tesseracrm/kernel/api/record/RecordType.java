package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.kernel.api.FieldError;

/**
 * A kind of record a module keeps (contact, company, ...), registered as a service with property
 * {@link #ID}. Declaring it is all a module does to get the record platform: custom fields, list
 * queries with filters and sorting, export and import.
 *
 * <p>The record platform reads the module's table directly. Its contract: a BIGINT primary key
 * {@code ID}, a BIGINT optimistic-locking {@code VERSION}, an {@code OWNER} column holding the owner's
 * user name (record visibility follows it), {@code CREATED_AT} and {@code UPDATED_AT} timestamps (UTC),
 * and one column per predefined field. Columns and indexes whose names
 * start with {@code CF_} or {@code SX_} belong to the platform: it adds them for custom fields and
 * for the global search ({@link RecordSearch}), so a module never names its own that way.
 *
 * <p>Permissions follow the module's standard set ({@code <moduleId>.view}, {@code .edit},
 * {@code .export}, {@code .import}, {@code .configure}, ...).
 */
@ConsumerType
public interface RecordType {
    /** Service property: the record type id, e.g. {@code contact}. */
    String ID = "crm.record.type";
    /**
     * Value of the {@link #ID} property for an extension meant for every record type: a
     * {@link RowDecoration}, {@link BulkAction} or form panel registered with
     * {@code crm.record.type=*} applies to the lists and forms of all installed types.
     */
    String ALL = "*";

    /** @return the record type id, equal to the {@link #ID} property; lower case letters */
    String id();

    /** @return the id of the module that owns the records, prefix of its permission ids */
    String moduleId();

    /** @return the singular label, e.g. "Contact" */
    String label();

    /** @return the plural label, e.g. "Contacts" */
    String pluralLabel();

    /** @return the table holding one row per record, e.g. {@code CRM_CONTACT} */
    String table();

    /** @return the predefined fields, in form order */
    List<FieldDefinition> fields();

    /** @return the fields whose values, joined by spaces, name a record to users (history, lookups) */
    List<String> titleFields();

    /**
     * @param row a record of this type
     * @return what names the record to users (history, lookups, forms): its {@link #titleFields} as text,
     *     joined by spaces, or the type's label and the id if they are all empty
     */
    default String title(RecordRow row) {
        String title = String.join(" ", titleFields().stream().map(row::text).filter(t -> !t.isEmpty()).toList());
        return title.isEmpty() ? label() + " " + row.id() : title;
    }

    /**
     * @param id a record id
     * @return how a record of this type is named to someone who may not see it, or in text a module
     *     stores about it: the type's label and the id, e.g. "Contact #12" ({@link Records#shownTitles})
     * @since record API 2.1
     */
    default String neutralTitle(long id) {
        return label() + " #" + id;
    }

    /**
     * @return the names of the fields a text search looks in: the list's search box looks for the text
     *     anywhere in them; the global search ({@link RecordSearch}) for values starting with it, in those
     *     of them that are single-line text of at most 255 characters, through an index the platform
     *     creates when the type registers
     */
    List<String> searchFields();

    /**
     * @return the order lists use when the user chose none; the platform adds the id as the last key.
     *     Custom-field indexes lead with the custom column and continue with these, so a filtered
     *     page comes straight from the index.
     */
    List<SortOrder> defaultSort();

    /**
     * @return where the module's entity takes its ids from; empty if records of this type cannot be
     *     imported (the platform then never inserts into the table)
     */
    default Optional<IdGenerator> ids() {
        return Optional.empty();
    }

    /**
     * @return the fields that tell one record from another (a contact's e-mail, a company's name): a new
     *     record with the same value in any of them is offered to the user as a possible duplicate, and
     *     the same fields are the import's default duplicate keys. Empty for none
     */
    default List<String> duplicateFields() {
        return List.of();
    }

    /**
     * The module's own rules beyond what the field definitions say (a phone number's format, a date
     * order, ...). The platform calls it for every record it creates or changes (import, inline edit)
     * after checking types, lengths and required fields.
     *
     * @param values the record's predefined field values by field name, typed as in {@link RecordRow}
     * @return one error per field breaking a rule; empty if none
     */
    default List<FieldError> check(Map<String, Object> values) {
        return List.of();
    }

    /**
     * Whether lists show a field as a column before the user chooses their own columns. A list should
     * fit a 1,366 pixel wide screen with its default columns, so a type with many fields shows the few
     * users scan and leaves the others to the column chooser. The kit's list also leaves out the
     * creation and change times.
     *
     * @param field the name of a field of this type, predefined or custom
     * @return true to show it by default; true for every field unless overridden
     * @since record API 2.1
     */
    default boolean listedByDefault(String field) {
        return true;
    }

    /**
     * A sentence the form shows under a field, for a field whose meaning is not obvious from its label
     * (e.g. how it differs from a similar field).
     *
     * @param field the name of a field of this type
     * @return the hint, or empty for none (the default)
     * @since record API 2.1
     */
    default Optional<String> fieldHint(String field) {
        return Optional.empty();
    }

    /**
     * Whether the module sets a field itself (a lead's conversion links, an opportunity's expected amount), so
     * users never type it: a saved record's form shows it read-only, a new record's form, list cells, bulk
     * updates, clones and merges leave it out, and the REST API's field list and OpenAPI document mark it
     * read-only. The module's {@link RecordLifecycle} stays the one that enforces it on every path (an import,
     * the API): it refuses or recomputes the value there.
     *
     * @param field the name of a field of this type
     * @return true if only the module sets it; false for every field unless overridden
     * @since record API 2.2
     */
    default boolean setByModule(String field) {
        return false;
    }

    /**
     * The value a new record gets for a predefined field the caller leaves out (a product is active unless said
     * otherwise): a new record's form starts with it, and {@link Records#create} and imports store it when the
     * values or the file do not name the field. A pick-list's default value is the admin's, not this.
     *
     * @param field the name of a predefined field of this type
     * @return the value, typed as in {@link RecordRow} (a {@code Boolean} for a boolean field); empty for none
     *     (the default)
     * @since record API 2.2
     */
    default Optional<Object> defaultValue(String field) {
        return Optional.empty();
    }

    /**
     * The values a pick-list field of this type starts with (a lead's statuses, a product's cost types): the platform
     * stores them when it first has the type and finds the field's list empty. After that the list is the admin's
     * (Fields and pick-lists); the platform never overwrites it.
     *
     * @param field the name of a predefined pick-list field of this type
     * @return the first values, in order, with their colours and at most one default; empty for none (the default)
     * @since record API 2.2
     */
    default List<PickListValue> initialPickList(String field) {
        return List.of();
    }

    /**
     * The values of a pick-list field the module itself stores (a converted lead's status): the platform keeps them in
     * the list and active. When the type appears it puts back any the list lacks (as {@link #initialPickList} gives
     * it, else plain) or has made inactive, and saving the list without one, or with one inactive, is refused.
     *
     * @param field the name of a predefined pick-list field of this type
     * @return the values the module sets; empty for none (the default)
     * @since record API 2.2
     */
    default Set<String> moduleValues(String field) {
        return Set.of();
    }

    /**
     * Records this type shares with every caller who may view it, whatever their owner, and whether the caller of
     * the current call sees the others (a published FAQ is read by every agent; a draft only by those who may edit
     * FAQs). The platform asks on every read, on the caller's thread, and adds the rule to its owner visibility, so
     * lists, the REST API, the global search and single reads all follow it.
     *
     * @return the rule for the current caller; empty for plain owner visibility (the default)
     * @since record API 2.3
     */
    default Optional<SharedRows> sharedRows() {
        return Optional.empty();
    }
}
