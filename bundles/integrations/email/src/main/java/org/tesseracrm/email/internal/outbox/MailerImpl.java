package org.tesseracrm.email.internal.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.email.internal.account.MailAccountsImpl;
import org.tesseracrm.email.internal.account.StoredAccount;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The outbox: {@link #queue} checks the caller, the account, the records and the addresses, stores the message with
 * its files and record links in the caller's transaction, and schedules the durable timer {@value SendTimer#HANDLER}
 * that sends it after commit ({@link SendTimer}). Bulk and campaign mail leaves out suppressed addresses.
 */
@Component(service = Mailer.class, configurationPid = OutboxConfig.PID)
public class MailerImpl implements Mailer {
    /** The record type whose e-mail field is matched against recipients. */
    static final String CONTACT = "contact";
    /** Most attached files of one message. */
    static final int MAX_FILES = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailerImpl.class);
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "subject", "message-id", "date", "mime-version",
            "sender", "reply-to-all", "return-path", "received", "content-transfer-encoding", "content-type");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9._-]{0,49}(:[A-Za-z0-9._-]{1,49})?");

    private final AccessControl access;
    private final AccountStore accounts;
    private final MessageStore store;
    private final DataSource dataSource;
    private final TransactionScope scope;
    private final Records records;
    private final RecordTypes types;
    private final Timers timers;
    private final OutboxConfig config;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param access the caller's permissions
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param records the records mail is logged on
     * @param types the installed record types
     * @param timers schedules the sending
     * @param schema present once the integration's tables exist
     * @param config the Message-ID domain
     */
    @Activate
    public MailerImpl(@Reference AccessControl access, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference Records records, @Reference RecordTypes types, @Reference Timers timers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema, OutboxConfig config) {
        this.access = access;
        this.dataSource = dataSource;
        this.scope = scope;
        this.accounts = new AccountStore(dataSource, scope);
        this.store = new MessageStore(dataSource, scope);
        this.records = records;
        this.types = types;
        this.timers = timers;
        this.config = config;
    }

    @Override
    public MailMessage queue(OutgoingMail mail) {
        Caller caller = access.require(MailAccounts.SEND);
        if (mail == null) {
            throw new ValidationException(List.of(new FieldError("mail", "Give the message to send.")));
        }
        MailAccount account = account(caller, mail.accountId());
        check(mail);
        // the records it is logged on: those given (each must be visible), then the contacts whose address it goes to
        Map<String, RecordRef> logged = new LinkedHashMap<>();
        for (RecordRef ref : mail.records()) {
            if (ref == null || records.get(ref.recordType(), ref.id()).isEmpty()) {
                throw new NotFoundException(ref == null ? "Record" : ref.recordType(), ref == null ? 0 : ref.id());
            }
            logged.putIfAbsent(ref.recordType() + ":" + ref.id(), ref);
        }
        List<String> all = new ArrayList<>(mail.to());
        all.addAll(mail.cc());
        all.addAll(mail.bcc());
        for (RecordRef contact : matchingContacts(all)) {
            logged.putIfAbsent(contact.recordType() + ":" + contact.id(), contact);
        }
        List<String> to = strip(mail.to());
        List<String> cc = strip(mail.cc());
        List<String> bcc = strip(mail.bcc());
        MailState state = MailState.QUEUED;
        String error = null;
        if (marketing(mail.source())) {
            Set<String> suppressed = SuppressionsImpl.among(dataSource, all);
            if (!suppressed.isEmpty()) {
                to = without(to, suppressed);
                cc = without(cc, suppressed);
                bcc = without(bcc, suppressed);
                if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
                    state = MailState.SKIPPED;
                    error = "Not sent: every recipient unsubscribed or bounced (" + String.join(", ", suppressed) + ").";
                }
            }
        }
        Instant now = clock.instant();
        String domain = config.messageIdDomain() == null || config.messageIdDomain().isBlank()
                ? Addresses.domain(account.fromAddress()) : config.messageIdDomain().strip();
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        String from = account.fromName().isBlank() ? account.fromAddress() : account.fromName() + " <" + account.fromAddress() + ">";
        String html = mail.html() == null || mail.html().isBlank() ? null : mail.html();
        String text = mail.text() != null ? mail.text() : html == null ? "" : HtmlText.of(html);
        NewMessage message = new NewMessage(account.id(), false, state, messageId, "", "", from, to, cc, bcc, mail.subject().strip(),
                html, text, mail.headers(), caller.username(), now, null, mail.source(), mail.attachments(), List.copyOf(logged.values()));
        MailState finalState = state;
        String finalError = error;
        long id = scope.required(c -> {
            long created = store.insert(message);
            if (finalState == MailState.QUEUED) {
                SendTimer.schedule(timers, created, now);
            } else {
                store.state(created, finalState, finalError, null);
            }
            return created;
        });
        LOG.debug("{} queued message {} through account {} ({})", caller.username(), id, account.id(), finalState);
        return MailLogImpl.view(store, records, store.find(id).orElseThrow());
    }

    @Override
    public MailMessage retry(long messageId) {
        Caller caller = MailAccountsImpl.requireUse(access);
        boolean manage = access.permitted(MailAccounts.MANAGE);
        StoredMessage message = store.find(messageId).filter(m -> !m.inbound())
                .filter(m -> manage || m.createdBy().equals(caller.username()))
                .orElseThrow(() -> new NotFoundException("Message", messageId));
        if (message.state() != MailState.FAILED) {
            throw new ConflictException("Only a failed message is sent again; this one is " + message.state().name().toLowerCase(Locale.ROOT) + ".");
        }
        Instant now = clock.instant();
        scope.required(c -> {
            store.requeue(messageId, now);
            SendTimer.schedule(timers, messageId, now);
            return null;
        });
        LOG.info("{} put message {} back in the outbox", caller.username(), messageId);
        return MailLogImpl.view(store, records, store.find(messageId).orElseThrow());
    }

    private MailAccount account(Caller caller, Long accountId) {
        boolean manage = access.permitted(MailAccounts.MANAGE);
        StoredAccount stored;
        if (accountId == null) {
            List<StoredAccount> usable = accounts.usableBy(caller.username()).stream().filter(a -> a.account().enabled()).toList();
            stored = usable.stream().filter(a -> caller.username().equals(a.account().owner())).findFirst()
                    .or(() -> usable.stream().filter(a -> a.account().owner() == null).findFirst())
                    .orElseThrow(() -> new ValidationException(List.of(new FieldError("accountId",
                            "Set up a mail account first (My mail account), or ask an administrator for a shared one."))));
        } else {
            Optional<StoredAccount> found = accounts.find(accountId);
            if (found.isEmpty()) {
                throw new ValidationException(List.of(new FieldError("accountId", "There is no mail account " + accountId + ".")));
            }
            if (!MailAccountsImpl.mayUse(found.get().account(), caller.username(), manage)) {
                throw new PermissionDeniedException("You may not send through the mail account " + found.get().account().name() + ".");
            }
            stored = found.get();
        }
        if (!stored.account().enabled()) {
            throw new ValidationException(List.of(new FieldError("accountId", "The mail account " + stored.account().name()
                    + " is disabled.")));
        }
        return stored.account();
    }

    /** Checks addresses, counts, subject, sizes and headers; names every problem at once. */
    static void check(OutgoingMail mail) {
        List<FieldError> errors = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<String>> list : Map.of("to", mail.to(), "cc", mail.cc(), "bcc", mail.bcc()).entrySet()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                String field = list.getKey() + "[" + i + "]";
                Addresses.problem(list.getValue().get(i)).ifPresent(p -> errors.add(new FieldError(field, p)));
            }
            count += list.getValue().size();
        }
        if (count == 0) {
            errors.add(new FieldError("to", "Give at least one recipient."));
        } else if (count > MAX_RECIPIENTS) {
            errors.add(new FieldError("to", "At most " + MAX_RECIPIENTS + " recipients in to, cc and bcc together (" + count
                    + " given); send to more people with a bulk send."));
        }
        String subject = mail.subject().strip();
        if (subject.isEmpty()) {
            errors.add(new FieldError("subject", "Give the message a subject."));
        } else if (subject.length() > 998 || subject.contains("\n") || subject.contains("\r")) {
            errors.add(new FieldError("subject", "One line of at most 998 characters."));
        }
        if ((mail.html() == null || mail.html().isBlank()) && (mail.text() == null || mail.text().isBlank())) {
            errors.add(new FieldError("text", "Write the message."));
        }
        long bytes = 0;
        for (int i = 0; i < mail.attachments().size(); i++) {
            MailAttachment file = mail.attachments().get(i);
            bytes += file.content().length;
            if (file.name().isBlank() || file.name().length() > 255 || file.name().chars().anyMatch(ch -> ch < 32)) {
                errors.add(new FieldError("attachments[" + i + "].name", "A file name of 1 to 255 characters on one line."));
            }
            if (!file.contentType().matches("[A-Za-z0-9!#$&^_.+-]{1,100}/[A-Za-z0-9!#$&^_.+-]{1,100}")) {
                errors.add(new FieldError("attachments[" + i + "].contentType", "Not a MIME type: " + MessageStore.cut(file.contentType(), 50)
                        + " (e.g. application/pdf)."));
            }
        }
        if (mail.attachments().size() > MAX_FILES) {
            errors.add(new FieldError("attachments", "At most " + MAX_FILES + " files."));
        }
        if (bytes > MAX_ATTACHMENTS_BYTES) {
            errors.add(new FieldError("attachments", "At most " + MAX_ATTACHMENTS_BYTES / (1024 * 1024) + " MB of files together ("
                    + (bytes + 1024 * 1024 - 1) / (1024 * 1024) + " MB given)."));
        }
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            String name = header.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))
                    || name.toLowerCase(Locale.ROOT).startsWith("content-")) {
                errors.add(new FieldError("headers", "Not a header a message may add: " + MessageStore.cut(name, 80) + "."));
            } else if (header.getValue().length() > 1000 || header.getValue().contains("\n") || header.getValue().contains("\r")) {
                errors.add(new FieldError("headers", "The header " + name + " must be one line of at most 1000 characters."));
            }
        }
        if (!SOURCE.matcher(mail.source()).matches()) {
            errors.add(new FieldError("source", "Not a source: " + MessageStore.cut(mail.source(), 60) + " (e.g. record, bulk, campaign:42)."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** @return whether suppressed addresses are left out of mail from this source */
    static boolean marketing(String source) {
        return source.equals("bulk") || source.startsWith("campaign:");
    }

    private List<RecordRef> matchingContacts(List<String> addresses) {
        Optional<RecordType> contact = types.find(CONTACT);
        // only contacts the caller sees, and only a contact type with an e-mail field (so the query cannot refuse)
        if (contact.isEmpty() || !access.permitted(contact.get().moduleId() + ".view")
                || contact.get().fields().stream().noneMatch(f -> f.name().equals("email"))) {
            return List.of();
        }
        // one query per address: the platform filters e-mail fields by "is", not "is any of"
        Set<String> wanted = new LinkedHashSet<>();
        for (String address : addresses) {
            wanted.add(Addresses.bare(address));
        }
        Map<Long, RecordRef> found = new LinkedHashMap<>();
        try {
            for (String address : wanted) {
                RecordQuery query = RecordQuery.page(0, 20).withFilters(List.of(Filter.of("email", FilterOp.EQUALS, address)));
                for (RecordRow row : records.page(CONTACT, query)) {
                    if (row.text("email").strip().equalsIgnoreCase(address)) {
                        found.putIfAbsent(row.id(), new RecordRef(CONTACT, row.id(), ""));
                    }
                }
            }
        } catch (CrmException e) {
            LOG.debug("No contacts matched by address: {}", e.getMessage());
        }
        return List.copyOf(found.values());
    }

    private static List<String> strip(List<String> addresses) {
        return addresses.stream().map(String::strip).toList();
    }

    private static List<String> without(List<String> addresses, Set<String> suppressed) {
        return addresses.stream().filter(a -> !suppressed.contains(Addresses.bare(a))).toList();
    }
}
