package org.tesseracrm.kernel.records.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.Note;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;

/** Notes on records of any type, in {@code CRM_NOTE}. */
@Component(service = Notes.class)
public class NotesImpl implements Notes {
    private static final int EXCERPT = 80;

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;

    /**
     * @param types installed record types
     * @param catalog field definitions and the database
     * @param access the caller's permissions and visibility
     * @param audit where added and deleted notes are recorded, on their record
     */
    @Activate
    public NotesImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public List<Note> list(String recordType, long recordId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.visible(catalog, type, recordId, access.visibility());
        return catalog.jdbc().inTransaction(c -> {
            List<Note> notes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ID, AUTHOR, CREATED_AT, BODY FROM CRM_NOTE"
                    + " WHERE RECORD_TYPE = ? AND RECORD_ID = ? ORDER BY CREATED_AT DESC, ID DESC")) {
                s.setString(1, recordType);
                s.setLong(2, recordId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        notes.add(new Note(rs.getLong(1), recordType, recordId, rs.getString(2),
                                Sql.instant(rs, 3), rs.getString(4)));
                    }
                }
            }
            return notes;
        });
    }

    @Override
    public Note add(String recordType, long recordId, String text) {
        RecordType type = types.require(recordType);
        String author = access.require(type.moduleId() + ".edit").username();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw new ValidationException(List.of(new FieldError("text", body.isEmpty() ? "Write the note first."
                    : "A note holds at most " + MAX_LENGTH + " characters (this has " + body.length() + ").")));
        }
        RecordRow record = Parents.visible(catalog, type, recordId, access.visibility());
        LocalDateTime now = Sql.now();
        Sql insert = new Sql("INSERT INTO CRM_NOTE (RECORD_TYPE, RECORD_ID, AUTHOR, CREATED_AT, BODY) VALUES (?, ?, ?, ?, ?)",
                List.of(recordType, recordId, author, now, body));
        long id = catalog.jdbc().inTransaction(insert::insert);
        audit.record(Parents.change(type, record, "note", "", excerpt(body)));
        return new Note(id, recordType, recordId, author, now.toInstant(ZoneOffset.UTC), body);
    }

    @Override
    public void delete(String recordType, long noteId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.Removed note = Parents.delete(catalog, access, type, "CRM_NOTE", "AUTHOR", "BODY", noteId, "Note");
        audit.record(Parents.change(type, note.record(), "note", excerpt(note.label()), ""));
    }

    private static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
    }
}
