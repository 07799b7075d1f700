package org.tesseracrm.email.internal.compose;

import java.util.List;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * A message as a user writes it from a record (the composer) or a client posts it (the REST API).
 *
 * @param accountId the account, or {@code null} for the caller's default
 * @param to recipients as typed, separated by commas or semicolons
 * @param cc copy recipients as typed
 * @param bcc blind copy recipients as typed
 * @param subject the subject
 * @param html the HTML body, or {@code null}
 * @param text the plain-text body, or {@code null} (derived from the HTML when absent)
 * @param record the record written from, or {@code null} for none
 * @param otherRecords further records to log the message on (titles are ignored)
 * @param fileIds ids of the record's attached files to send with it
 * @param uploads files uploaded for this message only
 * @param source what queues it: {@code record} from the composer, {@code api} from the REST API
 */
record ComposeRequest(Long accountId, String to, String cc, String bcc, String subject, String html, String text,
        RecordRef record, List<RecordRef> otherRecords, List<Long> fileIds, List<MailAttachment> uploads,
        String source) {
    /** Copies the lists; {@code null} ones are empty. */
    ComposeRequest {
        otherRecords = otherRecords == null ? List.of() : List.copyOf(otherRecords);
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
