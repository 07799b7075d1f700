package org.tesseracrm.kernel.api.record;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to a record.
 *
 * @param id the attachment id
 * @param recordType the record type id of the record it is on
 * @param recordId the record's id
 * @param fileName the file's name, without any folder
 * @param mediaType its media type, as Tessera recognised it from the content
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its content, hexadecimal, checked again on every download
 * @param uploadedBy who attached it
 * @param at when
 */
public record Attachment(long id, String recordType, long recordId, String fileName, String mediaType, long size,
        String sha256, String uploadedBy, Instant at) {
    /** Checks the parts are present. */
    public Attachment {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(at, "at");
    }
}
