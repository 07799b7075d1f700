package org.tesseracrm.email.internal.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.email.internal.account.MailAccountsImpl;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The mail logged on records. Every method needs {@value MailAccounts#SEND} or {@value MailAccounts#MANAGE}; a record's
 * mail is shown only for a record the caller sees, and a message only to whoever queued it, sees one of its records,
 * may use the mailbox it was captured from, or manages mail.
 */
@Component(service = MailLog.class)
public class MailLogImpl implements MailLog {
    /** Most messages of a record returned. */
    static final int MAX_PER_RECORD = 200;

    private final AccessControl access;
    private final MessageStore store;
    private final AccountStore accounts;
    private final Records records;
    private final TransactionScope scope;
    private final RecordTypes types;
    private final Timers timers;
    private volatile EventAdmin events;

    /**
     * @param access the caller's permissions
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param records the records mail is logged on
     * @param schema present once the integration's tables exist
     */
    @Activate
    public MailLogImpl(@Reference AccessControl access, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference Records records, @Reference RecordTypes types,
            @Reference Timers timers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema) {
        this.access = access;
        this.types = types;
        this.timers = timers;
        this.store = new MessageStore(dataSource, scope);
        this.accounts = new AccountStore(dataSource, scope);
        this.records = records;
        this.scope = scope;
    }

    /** @param events posts {@link MailEvents#RECEIVED} when a message is filed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin events) {
        if (this.events == events) {
            this.events = null;
        }
    }

    @Override
    public List<MailMessage> forRecord(String recordType, long recordId) {
        MailAccountsImpl.requireUse(access);
        if (recordType == null || records.get(recordType, recordId).isEmpty()) {
            throw new NotFoundException(recordType == null ? "Record" : recordType, recordId);
        }
        return views(store.forRecord(recordType, recordId, MAX_PER_RECORD));
    }

    @Override
    public MailMessage get(long messageId) {
        Caller caller = MailAccountsImpl.requireUse(access);
        StoredMessage message = store.find(messageId).orElseThrow(() -> new NotFoundException("Message", messageId));
        if (!visible(caller, message)) {
            throw new NotFoundException("Message", messageId);
        }
        return view(store, records, message);
    }

    @Override
    public List<MailMessage> list(MailState state, int limit) {
        Caller caller = MailAccountsImpl.requireUse(access);
        if (state == null) {
            throw new org.tesseracrm.kernel.api.ValidationException(List.of(new org.tesseracrm.kernel.api.FieldError("state",
                    "Choose a state: queued, sent, failed, skipped, received or unmatched.")));
        }
        Optional<String> user = access.permitted(MailAccounts.MANAGE) ? Optional.empty() : Optional.of(caller.username());
        return views(store.list(state, user, Math.max(1, Math.min(limit, 1000))));
    }

    @Override
    public MailMessage file(long messageId, String recordType, long recordId) {
        Caller caller = MailAccountsImpl.requireUse(access);
        boolean manage = access.permitted(MailAccounts.MANAGE);
        StoredMessage message = store.find(messageId).filter(StoredMessage::inbound)
                .filter(m -> accounts.find(m.accountId()).map(a -> MailAccountsImpl.mayUse(a.account(), caller.username(), manage))
                        .orElse(manage))
                .orElseThrow(() -> new NotFoundException("Message", messageId));
        if (message.state() != MailState.UNMATCHED) {
            throw new ConflictException("This message is filed already; only unmatched mail is filed by hand.");
        }
        if (recordType == null || records.get(recordType, recordId).isEmpty()) {
            throw new NotFoundException(recordType == null ? "Record" : recordType, recordId);
        }
        // filing adds to the record's history, as a note does: the record's edit permission
        types.find(recordType).ifPresent(type -> access.require(type.moduleId() + ".edit"));
        scope.required(c -> {
            store.link(messageId, recordType, recordId);
            store.state(messageId, MailState.RECEIVED, null, null);
            timers.schedule(ActivityTimer.HANDLER, Long.toString(messageId), Instant.now(), "");
            scope.afterCommit(() -> post(events, MailEvents.RECEIVED, messageId, List.of(new RecordRef(recordType, recordId, ""))));
            return null;
        });
        return view(store, records, store.find(messageId).orElseThrow());
    }

    private boolean visible(Caller caller, StoredMessage message) {
        boolean manage = access.permitted(MailAccounts.MANAGE);
        if (manage || message.createdBy().equals(caller.username())) {
            return true;
        }
        if (message.inbound() && accounts.find(message.accountId())
                .map(a -> MailAccountsImpl.mayUse(a.account(), caller.username(), false)).orElse(false)) {
            return true;
        }
        for (RecordRef ref : store.links(message.id())) {
            try {
                if (records.get(ref.recordType(), ref.id()).isPresent()) {
                    return true;
                }
            } catch (CrmException e) {
                // a type no longer installed, or one the caller may not view
            }
        }
        return false;
    }

    private List<MailMessage> views(List<StoredMessage> messages) {
        List<MailMessage> out = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            out.add(view(store, records, message));
        }
        return out;
    }

    /**
     * @param store the messages
     * @param records titles the records as the caller sees them
     * @param message a stored message
     * @return it as users see it (no blind copies, records titled for the caller)
     */
    static MailMessage view(MessageStore store, Records records, StoredMessage message) {
        List<RecordRef> links = store.links(message.id());
        Map<String, Map<Long, String>> titles = links.isEmpty() ? Map.of() : records.shownTitles(links);
        List<RecordRef> shown = links.stream().map(ref -> new RecordRef(ref.recordType(), ref.id(),
                titles.getOrDefault(ref.recordType(), Map.of()).getOrDefault(ref.id(), ref.recordType() + " #" + ref.id()))).toList();
        return new MailMessage(message.id(), message.accountId(), message.state(), message.inbound(), message.messageId(),
                message.from(), message.to(), message.cc(), message.subject(), message.html(), message.text(),
                store.attachmentNames(message.id()), shown, message.createdBy(), message.createdAt(), message.sentAt().orElse(null),
                message.attempts(), message.error(), message.source());
    }

    /**
     * Posts one of the {@link MailEvents} (call it after commit).
     *
     * @param events Event Admin, or null when it is not there
     * @param topic the topic
     * @param messageId the message
     * @param records its records
     */
    static void post(EventAdmin events, String topic, long messageId, List<RecordRef> records) {
        if (events == null) {
            return;
        }
        String[] refs = records.stream().map(r -> r.recordType() + ":" + r.id()).toArray(String[]::new);
        events.postEvent(new org.osgi.service.event.Event(topic, Map.of(MailEvents.MESSAGE_ID, messageId, MailEvents.RECORDS, refs)));
    }
}
