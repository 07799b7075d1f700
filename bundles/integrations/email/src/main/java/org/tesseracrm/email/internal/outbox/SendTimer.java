package org.tesseracrm.email.internal.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.email.internal.account.StoredAccount;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Secrets;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Sends one queued message when its durable timer ({@value #HANDLER} / message id) comes due, on the kernel's timer
 * thread as the system. When the account's messages for the current minute are used up it schedules the timer again
 * for the next minute; a failure worth retrying schedules it again after the {@link Backoff}'s wait, a permanent one
 * (5xx) or the last attempt marks the message FAILED with the error. Once sent, the timer {@value ActivityTimer#HANDLER}
 * logs it as an activity on its records. {@link MailEvents#SENT} and {@link MailEvents#FAILED} are posted after commit.
 */
@Component(service = TimerHandler.class, configurationPid = OutboxConfig.PID, property = TimerHandler.NAME + "=" + SendTimer.HANDLER)
public class SendTimer implements TimerHandler {
    /** The timers' handler name; the key is the message id. */
    public static final String HANDLER = "email.send";
    private static final Logger LOG = LoggerFactory.getLogger(SendTimer.class);

    private final MessageStore store;
    private final AccountStore accounts;
    private final Secrets secrets;
    private final Timers timers;
    private final TransactionScope scope;
    private final SmtpSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private volatile EventAdmin events;

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param secrets opens the account passwords
     * @param timers schedules retries
     * @param schema present once the integration's tables exist
     * @param config timeouts and retries
     */
    @Activate
    public SendTimer(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource, @Reference TransactionScope scope,
            @Reference Secrets secrets, @Reference Timers timers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema, OutboxConfig config) {
        this(new MessageStore(dataSource, scope), new AccountStore(dataSource, scope), secrets, timers, scope,
                new SmtpSender(config.connectTimeoutSeconds(), config.readTimeoutSeconds()), Backoff.of(config), Clock.systemUTC());
    }

    SendTimer(MessageStore store, AccountStore accounts, Secrets secrets, Timers timers, TransactionScope scope, SmtpSender sender,
            Backoff backoff, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.secrets = secrets;
        this.timers = timers;
        this.scope = scope;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** @param events posts the sent and failed events */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin events) {
        if (this.events == events) {
            this.events = null;
        }
    }

    /**
     * Schedules a message's next attempt (joins the caller's transaction).
     *
     * @param timers the durable timers
     * @param messageId the message
     * @param at when
     */
    static void schedule(Timers timers, long messageId, Instant at) {
        timers.schedule(HANDLER, Long.toString(messageId), at, "");
    }

    @Override
    public void fire(DueTimer timer) {
        send(Long.parseLong(timer.key()));
    }

    /**
     * Makes one attempt (or waits for the throttle).
     *
     * @param id the message
     * @return the message's state afterwards, empty if there was nothing to send
     */
    Optional<MailState> send(long id) {
        Optional<StoredMessage> found = store.find(id);
        if (found.isEmpty() || found.get().state() != MailState.QUEUED || found.get().inbound()) {
            return Optional.empty(); // sent, failed, or retried and finished meanwhile
        }
        StoredMessage message = found.get();
        Instant now = clock.instant();
        Optional<StoredAccount> account = accounts.find(message.accountId());
        if (account.isEmpty()) {
            return Optional.of(giveUp(message, "The mail account was deleted before the message was sent."));
        }
        if (!account.get().account().enabled()) {
            store.state(id, MailState.SKIPPED, "Not sent: the mail account " + account.get().account().name() + " is disabled.", null);
            return Optional.of(MailState.SKIPPED);
        }
        Throttle.Decision turn = Throttle.decide(account.get().windowStart(), account.get().windowSent(),
                account.get().account().sendPerMinute(), now);
        if (!turn.send()) {
            store.state(id, MailState.QUEUED, null, turn.retryAt());
            schedule(timers, id, turn.retryAt());
            LOG.debug("Message {} waits for the throttle of account {} until {}", id, message.accountId(), turn.retryAt());
            return Optional.of(MailState.QUEUED);
        }
        accounts.countSent(message.accountId(), turn.windowStart(), turn.sent());
        Optional<String> password = account.get().sealedSmtpPassword().map(secrets::openText);
        SmtpSender.Outcome outcome = sender.send(account.get().account(), password, message, store.attachments(id), now);
        if (outcome.sent()) {
            store.sent(id, now);
            timers.schedule(ActivityTimer.HANDLER, Long.toString(id), now, "");
            scope.afterCommit(() -> MailLogImpl.post(events, MailEvents.SENT, id, store.links(id)));
            LOG.debug("Message {} sent through account {}", id, message.accountId());
            return Optional.of(MailState.SENT);
        }
        int failed = message.attempts() + 1;
        Optional<Instant> next = outcome.permanent() ? Optional.empty() : backoff.next(failed, now);
        if (next.isEmpty()) {
            String error = outcome.permanent() ? outcome.error() : outcome.error() + " (gave up after " + failed + " attempts)";
            store.failed(id, MailState.FAILED, now, Optional.empty(), error);
            scope.afterCommit(() -> MailLogImpl.post(events, MailEvents.FAILED, id, store.links(id)));
            LOG.warn("Message {} failed for good after {} attempts: {}", id, failed, outcome.error());
            return Optional.of(MailState.FAILED);
        }
        store.failed(id, MailState.QUEUED, now, next, outcome.error());
        schedule(timers, id, next.get());
        LOG.debug("Message {} attempt {} failed, next at {}: {}", id, failed, next.get(), outcome.error());
        return Optional.of(MailState.QUEUED);
    }

    private MailState giveUp(StoredMessage message, String error) {
        store.state(message.id(), MailState.FAILED, error, null);
        scope.afterCommit(() -> MailLogImpl.post(events, MailEvents.FAILED, message.id(), store.links(message.id())));
        return MailState.FAILED;
    }
}
