package org.tesseracrm.email.internal.compose;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * "Send e-mail from a template" in the bulk menu of every list: one mail per selected record, rendered from the
 * template named in the dialog (bulk inputs offer no pick-list of templates: the name is checked and a wrong one
 * answered with the names there are). See {@link BulkMailer}.
 */
@Component(service = BulkAction.class, property = RecordType.ID + "=" + RecordType.ALL)
public class SendFromTemplateAction implements BulkAction {
    /** The input holding the template's name. */
    static final String TEMPLATE = "template";
    private static final List<FieldDefinition> INPUTS = List.of(
            FieldDefinition.predefined(TEMPLATE, "Template name", FieldType.TEXT, "TEMPLATE", true, 200));

    private final AccessControl access;
    private final BulkMailer mailer;

    /**
     * @param access checks {@code email.send}
     * @param accounts the caller's default account
     * @param templates the templates, rendered for each record
     * @param mailer the outbox
     * @param suppressions addresses bulk mail skips
     * @param records reads the records
     * @param fields their e-mail fields
     * @param types their titles
     */
    @Activate
    public SendFromTemplateAction(@Reference AccessControl access, @Reference MailAccounts accounts,
            @Reference MailTemplates templates, @Reference Mailer mailer, @Reference Suppressions suppressions,
            @Reference Records records, @Reference CustomFields fields, @Reference RecordTypes types) {
        this.access = access;
        this.mailer = new BulkMailer(accounts, templates, mailer, suppressions,
                new PlatformDirectory(records, fields, types));
    }

    @Override
    public String id() {
        return "email.send-template";
    }

    @Override
    public String label() {
        return "Send e-mail from a template";
    }

    @Override
    public String permission() {
        return MailAccounts.SEND;
    }

    @Override
    public List<FieldDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public String run(String recordType, List<Long> ids, Map<String, String> values) {
        access.require(MailAccounts.SEND);
        return mailer.send(recordType, ids, values.get(TEMPLATE)).summary();
    }
}
