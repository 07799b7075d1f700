package org.tesseracrm.reports.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.record.ExportFormat;

/**
 * A report's e-mail schedule: on each run (a durable timer {@code reports.schedule}) every recipient gets an e-mail
 * with the report exported as themselves, for the period that just ended (the previous day, week or month) when
 * the report has a period field.
 *
 * @param reportId the report
 * @param frequency how often
 * @param format the attachment's format
 * @param recipients user names
 * @param next when it runs next; empty when not scheduled
 */
public record Schedule(long reportId, Frequency frequency, ExportFormat format, Set<String> recipients,
        Optional<Instant> next) {
    /** The most recipients of one schedule. */
    public static final int MAX_RECIPIENTS = 50;

    /** Copies the recipients. */
    public Schedule {
        recipients = Set.copyOf(recipients);
    }
}
