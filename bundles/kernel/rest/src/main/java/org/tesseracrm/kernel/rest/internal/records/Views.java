package org.tesseracrm.kernel.rest.internal.records;

import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.FieldChange;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Note;
import org.tesseracrm.kernel.api.record.RecordType;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of the record endpoints besides records themselves ({@code RecordJson}). */
final class Views {
    private Views() {
    }

    /**
     * A list answer.
     *
     * @param data the items
     * @param <T> their type
     */
    record Data<T>(List<T> data) {
    }

    /**
     * A page of records.
     *
     * @param data the records, as {@code RecordJson} writes them
     * @param next the cursor of the next page; null on the last
     */
    record Page(List<Map<String, Object>> data, String next) {
    }

    /**
     * An installed record type.
     *
     * @param id its id, the {@code {type}} of its addresses
     * @param label singular label
     * @param pluralLabel plural label
     * @param fields its fields, predefined then custom
     */
    record TypeView(String id, String label, String pluralLabel, List<FieldView> fields) {
        static TypeView of(RecordType type, List<FieldDefinition> fields) {
            return new TypeView(type.id(), type.label(), type.pluralLabel(), fields.stream().map(f -> FieldView.of(type, f)).toList());
        }
    }

    /**
     * A field of a record type.
     *
     * @param name its name in a record's JSON, filters, sort and {@code fields=}
     * @param label what users see
     * @param type the kind of value (TEXT, NUMBER, MONEY, DATE, DATE_TIME, BOOLEAN, PICKLIST, MULTI_PICKLIST, LOOKUP,
     *     USER, ...)
     * @param required whether a record must have a value
     * @param readOnly whether the CRM sets it (id, version, creation and change times, and what the module sets
     *     itself, {@link RecordType#setByModule})
     * @param maxLength the longest text, 0 for no limit
     * @param sortable whether lists sort and filter by it
     * @param custom whether an admin added it
     * @param lookupType for a lookup, the record type it points at
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldView(String name, String label, String type, boolean required, boolean readOnly, int maxLength,
            boolean sortable, boolean custom, String lookupType) {
        static FieldView of(RecordType type, FieldDefinition field) {
            return new FieldView(field.name(), field.label(), field.type().name(), field.required(),
                    !field.importable() || type.setByModule(field.name()),
                    field.maxLength(), field.sortable(), field.custom(), field.lookupType().orElse(null));
        }
    }

    /**
     * A record found by a lookup.
     *
     * @param id its id
     * @param title its title
     */
    record LookupView(long id, String title) {
    }

    /**
     * A note.
     *
     * @param id its id
     * @param author who wrote it
     * @param at when (UTC instant)
     * @param text what it says
     */
    record NoteView(long id, String author, String at, String text) {
        static NoteView of(Note note) {
            return new NoteView(note.id(), note.author(), note.at().toString(), note.text());
        }
    }

    /**
     * A new note.
     *
     * @param text what it says, plain text
     */
    record NoteInput(String text) {
    }

    /**
     * An attached file.
     *
     * @param id its id
     * @param fileName its name
     * @param mediaType its media type, as recognised from its content
     * @param size its size in bytes
     * @param sha256 the SHA-256 of its content, hexadecimal
     * @param uploadedBy who attached it
     * @param at when (UTC instant)
     */
    record AttachmentView(long id, String fileName, String mediaType, long size, String sha256, String uploadedBy,
            String at) {
        static AttachmentView of(Attachment file) {
            return new AttachmentView(file.id(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
                    file.uploadedBy(), file.at().toString());
        }
    }

    /**
     * One change in a record's history.
     *
     * @param id the audit entry's id
     * @param at when (UTC instant)
     * @param username who
     * @param action CREATE, UPDATE or DELETE
     * @param changes old and new value per field, as text
     * @param via {@code api} for a change made through the API, empty otherwise
     */
    record HistoryView(long id, String at, String username, String action, List<FieldChange> changes, String via) {
        static HistoryView of(AuditEntry entry) {
            return new HistoryView(entry.id(), entry.at().toString(), entry.username(), entry.action().name(),
                    entry.changes(), entry.via());
        }
    }
}
