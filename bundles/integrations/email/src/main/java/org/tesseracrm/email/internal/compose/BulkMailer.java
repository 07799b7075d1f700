package org.tesseracrm.email.internal.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Sends one mail per record from a template, as the caller: each record's own address (or that of the record it
 * points at, a quote's contact), the template rendered for it, queued in the outbox with source {@value #SOURCE}
 * and logged on the record. Records without an address are reported, suppressed addresses skipped and reported, a
 * record whose mail cannot be made is reported with the reason; the others still go. The outbox throttles each
 * account.
 */
final class BulkMailer {
    /** The source of bulk mail in the log. */
    static final String SOURCE = "bulk";

    private final MailAccounts accounts;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final Suppressions suppressions;
    private final RecordDirectory directory;

    BulkMailer(MailAccounts accounts, MailTemplates templates, Mailer mailer, Suppressions suppressions,
            RecordDirectory directory) {
        this.accounts = accounts;
        this.templates = templates;
        this.mailer = mailer;
        this.suppressions = suppressions;
        this.directory = directory;
    }

    /**
     * @param recordType the records' type
     * @param ids the records, at most {@link Records#BULK_LIMIT}
     * @param templateName the template's name, as typed
     * @return what happened to each record
     * @throws ValidationException for an unknown template or too many records
     */
    BulkReport send(String recordType, List<Long> ids, String templateName) {
        if (ids.size() > Records.BULK_LIMIT) {
            throw new ValidationException(List.of(new FieldError("ids", String.format(
                    "At most %,d records at once; narrow the selection (%,d selected).", Records.BULK_LIMIT,
                    ids.size()))));
        }
        MailTemplate template = TemplateNames.find(templates.list(recordType), templateName, "template");
        if (accounts.defaultAccount().isEmpty()) {
            throw new ValidationException(List.of(new FieldError("account", "Set up a mail account first (My mail "
                    + "account in the menu, or ask an administrator for a shared one).")));
        }
        RecipientFinder finder = new RecipientFinder(directory);
        BulkReport report = new BulkReport();
        for (long id : ids) {
            Optional<RecordRow> row = directory.get(recordType, id);
            if (row.isEmpty()) {
                continue; // deleted since it was selected, or no longer visible
            }
            String title = directory.title(recordType, row.get());
            Optional<String> address = RecipientFinder.primary(finder.candidates(recordType, id, false));
            if (address.isEmpty()) {
                report.withoutAddress(title);
            } else if (suppressions.suppressed(address.get())) {
                report.suppressed(title, address.get());
            } else {
                sendOne(report, template, new RecordRef(recordType, id, title), address.get());
            }
        }
        return report;
    }

    private void sendOne(BulkReport report, MailTemplate template, RecordRef record, String address) {
        try {
            RenderedMail mail = templates.render(template.id(), record.recordType(), record.id());
            MailMessage queued = mailer.queue(OutgoingMail.to(List.of(address), mail.subject())
                    .withBody(mail.html(), mail.text()).withAttachments(mail.attachments()).withRecords(List.of(record))
                    .withHeaders(Map.of(), SOURCE));
            if (queued.state() == MailState.SKIPPED) {
                report.suppressed(record.title(), address);
            } else {
                report.queued();
            }
        } catch (ValidationException e) {
            report.failed(record.title(), e.errors().get(0).message());
        } catch (NotFoundException e) {
            report.failed(record.title(), e.getMessage());
        }
    }
}
