package org.tesseracrm.reports.api;

import java.util.Set;

import org.tesseracrm.kernel.api.record.ExportFormat;

/**
 * A report's e-mail schedule as its owner sets it.
 *
 * @param frequency how often; {@link Frequency#NONE} cancels the schedule
 * @param format the attachment's format
 * @param recipients user names (1 to {@link Schedule#MAX_RECIPIENTS}); each must be an active user with an
 *     e-mail address who may see the report. Each receives the report computed as themselves.
 */
public record ScheduleInput(Frequency frequency, ExportFormat format, Set<String> recipients) {
    /** Copies the recipients; null is none. */
    public ScheduleInput {
        recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
    }
}
