package org.tesseracrm.kernel.api.record;

/**
 * The record events the platform posts on OSGi Event Admin after a change commits (never for a
 * change that rolled back): one event per record and action, on topic
 * {@code org/tesseracrm/record/<record type>/<action>}, e.g. {@code org/tesseracrm/record/contact/UPDATED}.
 * Subscribe to one type with {@code org/tesseracrm/record/contact/*}, to every change with
 * {@code org/tesseracrm/record/*}. Events are posted asynchronously; a handler must not assume it
 * runs in the user's session, and re-reads what it needs through the record platform.
 */
public final class RecordEvents {
    /** Prefix of every record topic. */
    public static final String TOPIC_PREFIX = "org/tesseracrm/record/";
    /** Topic wildcard for every record event. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";
    /** Action of a new record (created in a form, an import or by a module). */
    public static final String CREATED = "CREATED";
    /** Action of a changed record, including a new owner and a bulk change. */
    public static final String UPDATED = "UPDATED";
    /** Action of a deleted record, including the record that goes in a merge. */
    public static final String DELETED = "DELETED";
    /** Action of the record that stays in a merge. */
    public static final String MERGED = "MERGED";

    /** Property: the record type's id (String). */
    public static final String TYPE = "record.type";
    /** Property: the record's id (Long). */
    public static final String ID = "record.id";
    /** Property: the action, one of the constants above (String). */
    public static final String ACTION = "record.action";
    /** Property: the user name of who made the change (String). */
    public static final String ACTOR = "record.actor";
    /** Property: the names of the fields that changed (String[]); every field for CREATED and DELETED. */
    public static final String FIELDS = "record.fields";
    /** Property of MERGED: the id of the record merged into this one (Long); of DELETED by a merge: the survivor's id. */
    public static final String MERGED_WITH = "record.merged.with";

    private RecordEvents() {
    }

    /**
     * @param recordType a record type's id
     * @param action one of {@link #CREATED}, {@link #UPDATED}, {@link #DELETED}, {@link #MERGED}
     * @return the event topic for them
     */
    public static String topic(String recordType, String action) {
        return TOPIC_PREFIX + recordType + "/" + action;
    }
}
