package org.tesseracrm.email.internal.compose;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/** Adds the E-mail panel (the record's mail and "New e-mail") to the form of every record type. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + RecordType.ALL, RecordPanel.ORDER + ":Integer=12"})
public class EmailPanelContribution implements RecordPanel {
    private final EmailServices services;

    /**
     * @param access hides the panel from users without {@code email.send}
     * @param log the record's mail
     * @param accounts the accounts a user sends through
     * @param templates the templates offered
     * @param mailer the outbox
     * @param suppressions addresses the composer warns about
     * @param attachments the record's files
     * @param records the record and its related records
     * @param fields their e-mail fields
     * @param types their titles
     */
    @Activate
    public EmailPanelContribution(@Reference AccessControl access, @Reference MailLog log,
            @Reference MailAccounts accounts, @Reference MailTemplates templates, @Reference Mailer mailer,
            @Reference Suppressions suppressions, @Reference Attachments attachments, @Reference Records records,
            @Reference CustomFields fields, @Reference RecordTypes types) {
        this.services = new EmailServices(access, log, accounts, templates, mailer, attachments,
                Composer.of(access, mailer, suppressions, attachments, records, fields, types));
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (!services.access().permitted(MailAccounts.SEND)) {
            return Optional.empty();
        }
        return Optional.of(new EmailPanel(services, recordType, recordId, title));
    }

    /** The services the panel and its dialogs call, as the signed-in user. */
    record EmailServices(AccessControl access, MailLog log, MailAccounts accounts, MailTemplates templates,
            Mailer mailer, Attachments attachments, Composer composer) {
    }
}
