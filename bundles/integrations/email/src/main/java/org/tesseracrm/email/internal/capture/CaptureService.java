package org.tesseracrm.email.internal.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.email.internal.outbox.MessageStore;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.Secrets;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Mail capture over IMAP: the durable timers' handler {@value CaptureRuns#HANDLER} (see {@link CaptureRuns}), and for
 * the shell, the REST API and the screens a run on demand and each mailbox's state. Settings: {@link CaptureConfig}.
 */
@Component(service = {CaptureService.class, TimerHandler.class}, configurationPid = CaptureConfig.PID,
        property = TimerHandler.NAME + "=" + CaptureRuns.HANDLER)
@Designate(ocd = CaptureConfig.class)
public class CaptureService implements TimerHandler {
    private final AccessControl access;
    private final AccountStore accounts;
    private final CaptureStore store;
    private final CaptureRuns runs;

    /**
     * A mailbox as the capture sees it.
     *
     * @param accountId the account
     * @param account its name
     * @param owner its owner, "" for a shared one
     * @param folder the folder read
     * @param active whether it is captured
     * @param lastRunAt the last run, if any
     * @param lastUid the last UID read, 0 before the first run
     * @param lastError the last run's error, "" if none
     * @param lastSummary what the last run did
     */
    public record MailboxStatus(long accountId, String account, String owner, String folder, boolean active,
            Optional<Instant> lastRunAt, long lastUid, String lastError, String lastSummary) {
    }

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param timers the durable timers
     * @param secrets opens the IMAP passwords
     * @param access the caller's permissions
     * @param callers runs record look-ups as a mailbox's owner
     * @param records finds records by e-mail
     * @param types the installed record types
     * @param suppressions takes the addresses of hard bounces
     * @param events posts the mail events, when Event Admin is there
     * @param schema present once the module's tables exist
     * @param config the polling interval and bounds
     */
    @Activate
    public CaptureService(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference Timers timers, @Reference Secrets secrets,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference Records records,
            @Reference RecordTypes types, @Reference Suppressions suppressions,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            EventAdmin events,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema,
            CaptureConfig config) {
        this.access = access;
        this.accounts = new AccountStore(dataSource, scope);
        this.store = new CaptureStore(dataSource, scope);
        Clock clock = Clock.systemUTC();
        CaptureLimits limits = CaptureLimits.of(config);
        Capturer capturer = new Capturer(new ImapFetcher(Duration.ofSeconds(config.timeoutSeconds())),
                new LogSink(new MessageStore(dataSource, scope), store, scope, events, timers, clock),
                new BounceRecorder(store, suppressions, events, scope, clock), limits, clock);
        this.runs = new CaptureRuns(new AccountMailboxes(accounts, secrets), store, capturer, timers, scope,
                caller -> new RecordsFinder(records, types, callers, access, caller),
                Duration.ofSeconds(Math.max(10, config.pollSeconds())), config.timeoutSeconds(), clock);
        runs.start();
    }

    @Override
    public void fire(DueTimer timer) {
        access.require(MailAccounts.MANAGE); // the kernel runs timers as the system, who may; a user calling it may not
        runs.fire(timer);
    }

    /**
     * Reads a mailbox now (its timer keeps its time).
     *
     * @param accountId an account: any with {@link MailAccounts#MANAGE}, else the caller's own
     * @return what the run did, or the error it met
     * @throws NotFoundException if the caller may not run it, or it does not capture mail
     */
    public String captureNow(long accountId) {
        mayRun(accountId);
        Optional<CaptureRuns.Outcome> outcome = runs.capture(accountId);
        return outcome.map(o -> o.error().isEmpty() ? o.summary() : "Failed: " + o.error())
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " does not capture mail: give it an "
                        + "IMAP server and enable it."));
    }

    /**
     * @return the capturing mailboxes the caller may run (every one with {@link MailAccounts#MANAGE}, else their own)
     */
    public List<MailboxStatus> mailboxes() {
        Caller caller = access.require(MailAccounts.SEND);
        boolean manage = access.permitted(MailAccounts.MANAGE);
        List<MailboxStatus> out = new ArrayList<>();
        accounts.all().stream().map(s -> s.account())
                .filter(a -> a.captures() && (manage || caller.username().equals(a.owner())))
                .forEach(a -> {
                    String folder = a.imapFolder() == null || a.imapFolder().isBlank() ? "INBOX" : a.imapFolder();
                    Optional<CaptureStore.Status> status = store.status(a.id(), folder);
                    out.add(new MailboxStatus(a.id(), a.name(), a.owner() == null ? "" : a.owner(), folder,
                            a.enabled(), status.flatMap(CaptureStore.Status::lastRunAt),
                            status.flatMap(CaptureStore.Status::state).map(ImapFetcher.FolderState::lastUid).orElse(0L),
                            status.map(CaptureStore.Status::lastError).orElse(""),
                            status.map(CaptureStore.Status::lastSummary).orElse("")));
                });
        return out;
    }

    private void mayRun(long accountId) {
        Caller caller = access.require(MailAccounts.SEND);
        boolean manage = access.permitted(MailAccounts.MANAGE);
        accounts.find(accountId).map(s -> s.account())
                .filter(a -> manage || caller.username().equals(a.owner()))
                .orElseThrow(() -> new NotFoundException("Account", accountId));
    }
}
