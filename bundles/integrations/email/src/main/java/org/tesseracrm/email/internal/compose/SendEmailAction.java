package org.tesseracrm.email.internal.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccount;
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
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The workflow action "Send an e-mail" ({@value #ID}): renders a template for the rule's record and queues it in the
 * outbox with source {@value #SOURCE}, logged on the record. It runs as the rule's actor (the user whose change
 * started the rule, {@link org.tesseracrm.kernel.api.automation.TriggerEvent#actor()}; the system for changes the
 * system made): their permission {@code email.send}, their view of the record, their signature and their default
 * account (or the account named) apply, as if they had sent it from the record. An address that unsubscribed or
 * bounced is skipped, as a bulk send skips it. The message row commits with the rule's run (the engine's
 * transaction); the outbox sends it after that, so a run that rolls back sends nothing.
 */
@Component(service = Action.class, property = Action.ID + "=" + SendEmailAction.ID)
public class SendEmailAction implements Action {
    /** The action's id. */
    public static final String ID = "email.send";
    /** The source of its mail in the log. */
    static final String SOURCE = "automation";

    private final MailAccounts accounts;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final Suppressions suppressions;
    private final RecordDirectory directory;
    private final CallerContext callers;

    /**
     * @param accounts finds the account named
     * @param templates finds and renders the template
     * @param mailer the outbox
     * @param suppressions addresses not to mail
     * @param records reads the record
     * @param fields its fields
     * @param types its title
     * @param callers runs the action as the rule's actor
     */
    @Activate
    public SendEmailAction(@Reference MailAccounts accounts, @Reference MailTemplates templates,
            @Reference Mailer mailer, @Reference Suppressions suppressions, @Reference Records records,
            @Reference CustomFields fields, @Reference RecordTypes types, @Reference CallerContext callers) {
        this(accounts, templates, mailer, suppressions, new PlatformDirectory(records, fields, types), callers);
    }

    SendEmailAction(MailAccounts accounts, MailTemplates templates, Mailer mailer, Suppressions suppressions,
            RecordDirectory directory, CallerContext callers) {
        this.callers = callers;
        this.accounts = accounts;
        this.templates = templates;
        this.mailer = mailer;
        this.suppressions = suppressions;
        this.directory = directory;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Send an e-mail";
    }

    @Override
    public List<Parameter> parameters() {
        return EmailActionConfig.PARAMETERS;
    }

    @Override
    public ActionResult run(ActionContext context) {
        EmailActionConfig config = EmailActionConfig.read(context.config());
        String actor = context.event().actor();
        return callers.callAs(actor.isBlank() ? Caller.SYSTEM : new Caller(actor), () -> send(context, config));
    }

    private ActionResult send(ActionContext context, EmailActionConfig config) {
        Optional<RecordRow> found = directory.get(context.recordType(), context.recordId());
        if (found.isEmpty()) {
            return ActionResult.skipped("The record " + context.recordType() + " #" + context.recordId() + " is gone.");
        }
        RecordRow row = found.get();
        MailTemplate template = TemplateNames.find(templates.list(context.recordType()), config.template(),
                EmailActionConfig.TEMPLATE);
        Optional<String> to = config.recipient(directory, context.recordType(), row, new RecipientFinder(directory));
        if (to.isEmpty()) {
            return ActionResult.skipped("The record has no e-mail address"
                    + config.field().map(f -> " in " + f).orElse("") + ".");
        }
        if (suppressions.suppressed(to.get())) {
            return ActionResult.skipped(to.get() + " unsubscribed or bounced: not mailed.");
        }
        Long account = config.account().map(this::account).orElse(null);
        RenderedMail mail = templates.render(template.id(), context.recordType(), context.recordId());
        RecordRef record = new RecordRef(context.recordType(), row.id(), directory.title(context.recordType(), row));
        MailMessage queued = mailer.queue(OutgoingMail.to(List.of(to.get()), mail.subject())
                .withBody(mail.html(), mail.text()).withAttachments(mail.attachments()).withAccount(account)
                .withRecords(List.of(record))
                .withHeaders(Map.of(), SOURCE));
        if (queued.state() == MailState.SKIPPED) {
            return ActionResult.skipped("Not sent to " + to.get() + ": " + queued.error());
        }
        return ActionResult.done("Queued e-mail \"" + mail.subject() + "\" to " + to.get() + " (message #"
                + queued.id() + ", template " + template.name() + ")");
    }

    private long account(String name) {
        List<MailAccount> usable = accounts.list();
        return usable.stream().filter(a -> a.name().strip().equalsIgnoreCase(name)).findFirst()
                .map(MailAccount::id).orElseThrow(() -> new ValidationException(List.of(new FieldError(
                        EmailActionConfig.ACCOUNT, "There is no mail account \"" + name + "\". Accounts: "
                                + String.join(", ", usable.stream().map(MailAccount::name).toList()) + "."))));
    }
}
