package org.tesseracrm.kernel.api.record;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Files attached to the records of any record type. Only the kinds of file an admin allows are taken
 * (see {@link #allowedExtensions}), recognised by their content and not only their name, and only up to
 * a size limit; each is stored with its SHA-256, which every download checks. Whoever may see a record
 * reads its attachments; whoever may edit it attaches files. Deleting a record deletes its attachments.
 */
@ProviderType
public interface Attachments {
    /**
     * @return the file name extensions accepted, lower case without the dot (e.g. {@code pdf})
     */
    Set<String> allowedExtensions();

    /** @return the largest file accepted, in bytes */
    long maxBytes();

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return its attachments, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<Attachment> list(String recordType, long recordId);

    /**
     * Stores a file on a record and records it in the record's history.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param fileName the uploaded file's name; folders in it are dropped
     * @param content the file; read up to one byte past {@link #maxBytes}, not closed
     * @return the stored attachment
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit}
     * @throws org.tesseracrm.kernel.api.ValidationException if the kind of file is not allowed, its content
     *     is not what its name says, it is empty or too large
     */
    Attachment add(String recordType, long recordId, String fileName, InputStream content);

    /**
     * @param recordType the record type id of the record the file is on
     * @param attachmentId the attachment id
     * @return the file's name, media type and size, as {@link #list} gives them: what a download names the file
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such file on a record the caller sees
     * @since 2.2
     */
    Attachment get(String recordType, long attachmentId);

    /**
     * @param recordType the record type id of the record the file is on
     * @param attachmentId the attachment id
     * @return the file's content, after checking it against its stored SHA-256
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such file on a record the caller sees
     * @throws org.tesseracrm.kernel.api.CrmException if the stored content no longer matches its checksum
     */
    byte[] content(String recordType, long attachmentId);

    /**
     * Deletes a file: whoever attached it may, and so may whoever holds {@code <moduleId>.delete}.
     *
     * @param recordType the record type id of the record the file is on
     * @param attachmentId the attachment id
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for anyone else
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such file on a record the caller sees
     */
    void delete(String recordType, long attachmentId);
}
