package org.tesseracrm.email.internal.outbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;

/**
 * Logs a sent (or captured and matched) message as a done activity on each record it is logged on, when the Activities module is installed
 * (through the record platform, as the follow-ups do): its own durable timer ({@value #HANDLER} / message id), so a
 * refused activity never undoes the sending, and is retried by the kernel. The activities module has no e-mail kind:
 * the activity is a done task whose subject starts with "E-mail:", with the text body as its description.
 */
@Component(service = TimerHandler.class, property = TimerHandler.NAME + "=" + ActivityTimer.HANDLER)
public class ActivityTimer implements TimerHandler {
    /** The timers' handler name; the key is the message id. */
    public static final String HANDLER = "email.activity";
    /** The record type of activities. */
    static final String ACTIVITY = "activity";
    private static final Logger LOG = LoggerFactory.getLogger(ActivityTimer.class);

    private final MessageStore store;
    private final AccountStore accounts;
    private final Records records;
    private final RecordTypes types;

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param records creates the activities
     * @param types the installed record types
     * @param schema present once the integration's tables exist
     */
    @Activate
    public ActivityTimer(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource, @Reference TransactionScope scope,
            @Reference Records records, @Reference RecordTypes types,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema) {
        this.store = new MessageStore(dataSource, scope);
        this.accounts = new AccountStore(dataSource, scope);
        this.records = records;
        this.types = types;
    }

    @Override
    public void fire(DueTimer timer) {
        long id = Long.parseLong(timer.key());
        Optional<StoredMessage> found = store.find(id);
        if (found.isEmpty() || (found.get().state() != MailState.SENT && found.get().state() != MailState.RECEIVED)
                || types.find(ACTIVITY).isEmpty()) {
            return;
        }
        StoredMessage message = found.get();
        LocalDateTime at = LocalDateTime.ofInstant(message.sentAt().orElse(message.createdAt()), ZoneOffset.UTC);
        String text = message.text() == null ? HtmlText.of(message.html()) : message.text();
        int created = 0;
        for (RecordRef ref : store.links(id)) {
            Optional<RecordType> type = types.find(ref.recordType());
            if (ref.recordType().equals(ACTIVITY) || type.isEmpty()) {
                continue;
            }
            RecordValues.Builder values = RecordValues.builder().set("kind", "task")
                    .set("subject", MessageStore.cut("E-mail: " + message.subject(), 200))
                    .set("description", MessageStore.cut((message.inbound() ? "From: " + message.from()
                            : "To: " + String.join(", ", message.to())) + "\n\n" + text, 4000))
                    .set("dueAt", at).set("priority", "medium").set("done", true).set("relatedType", ref.recordType())
                    .set("relatedId", ref.id()).set("relatedTitle", types.neutralTitle(ref.recordType(), ref.id()));
            String owner = message.inbound() ? accounts.find(message.accountId()).map(a -> a.account().owner()).orElse(null)
                    : message.createdBy();
            if (owner != null && !Caller.SYSTEM.username().equals(owner)) {
                values.set("owner", owner);
            }
            records.create(ACTIVITY, values.build());
            created++;
        }
        LOG.debug("Message {} logged as {} activities", id, created);
    }
}
