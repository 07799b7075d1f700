package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Notes on the records of any record type, shown on every record's form. Whoever may see a record reads
 * its notes; whoever may edit it writes them. Deleting a record deletes its notes.
 */
@ProviderType
public interface Notes {
    /** The longest note, in characters. */
    int MAX_LENGTH = 10_000;

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return its notes, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<Note> list(String recordType, long recordId);

    /**
     * Adds a note and records it in the record's history.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param text plain text, 1 to {@link #MAX_LENGTH} characters after trimming
     * @return the note
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit}
     * @throws org.tesseracrm.kernel.api.ValidationException for an empty or too long text
     */
    Note add(String recordType, long recordId, String text);

    /**
     * Deletes a note: its author may, and so may whoever holds {@code <moduleId>.delete}.
     *
     * @param recordType the record type id of the record the note is on
     * @param noteId the note id
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for anyone else
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such note on a record the caller sees
     */
    void delete(String recordType, long noteId);
}
