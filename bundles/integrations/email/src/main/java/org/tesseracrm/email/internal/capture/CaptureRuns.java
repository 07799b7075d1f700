package org.tesseracrm.email.internal.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.internal.account.MailSessions;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The capture's durable timers (handler {@value #HANDLER}): one per capturing account (key: the account id) that reads
 * its mailbox and moves itself on by the polling interval (at once while new messages are left), and one
 * ({@value #SWEEP}) that gives every capturing account its timer, so an account set up or switched on later is read
 * within an interval. A mailbox that cannot be read (server down, password changed) keeps its timer: the error is
 * kept with the mailbox's state and the next run tries again. No thread of its own: IMAP IDLE would need one per
 * mailbox, so mail is polled.
 */
final class CaptureRuns {
    /** The timers' handler name. */
    static final String HANDLER = "email.capture";
    /** The key of the timer that gives each capturing account its timer. */
    static final String SWEEP = "sweep";
    private static final Logger LOG = LoggerFactory.getLogger(CaptureRuns.class);

    private final Mailboxes mailboxes;
    private final CaptureStore store;
    private final Capturer capturer;
    private final Timers timers;
    private final TransactionScope scope;
    private final Function<Caller, RecordFinder> finders;
    private final Duration poll;
    private final int timeoutSeconds;
    private final Clock clock;

    CaptureRuns(Mailboxes mailboxes, CaptureStore store, Capturer capturer, Timers timers, TransactionScope scope,
            Function<Caller, RecordFinder> finders, Duration poll, int timeoutSeconds, Clock clock) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.capturer = capturer;
        this.timers = timers;
        this.scope = scope;
        this.finders = finders;
        this.poll = poll;
        this.timeoutSeconds = timeoutSeconds;
        this.clock = clock;
    }

    /** Schedules the sweep when it has no timer (at start). */
    void start() {
        if (timers.find(HANDLER, SWEEP).isEmpty()) {
            timers.schedule(HANDLER, SWEEP, clock.instant().plusSeconds(5), "");
        }
    }

    /**
     * Does a due timer's work, in the timer's transaction.
     *
     * @param timer the timer
     */
    void fire(DueTimer timer) {
        Instant now = clock.instant();
        if (SWEEP.equals(timer.key())) {
            for (long accountId : mailboxes.capturing()) {
                if (timers.find(HANDLER, Long.toString(accountId)).isEmpty()) {
                    timers.schedule(HANDLER, Long.toString(accountId), now, "");
                }
            }
            timers.schedule(HANDLER, SWEEP, now.plus(poll), "");
            return;
        }
        long accountId;
        try {
            accountId = Long.parseLong(timer.key());
        } catch (NumberFormatException e) {
            LOG.warn("Capture timer with an unknown key {} dropped", timer.key());
            return;
        }
        Optional<Outcome> outcome = capture(accountId);
        if (outcome.isPresent()) {
            timers.schedule(HANDLER, timer.key(), outcome.get().more() ? now.plusSeconds(1) : now.plus(poll), "");
        } // else the account is gone or captures no more: its timer ends, the sweep gives it one if it comes back
    }

    /**
     * What a run did.
     *
     * @param summary a line for users
     * @param error what went wrong, "" if nothing
     * @param more whether messages are left for the next run
     */
    record Outcome(String summary, String error, boolean more) {
    }

    /**
     * Reads one mailbox now, in the caller's transaction (or one of its own).
     *
     * @param accountId the account
     * @return what was done, empty if the account does not capture mail
     */
    Optional<Outcome> capture(long accountId) {
        return scope.required(c -> {
            Optional<Mailboxes.Mailbox> found = mailboxes.mailbox(accountId).filter(Mailboxes.Mailbox::active);
            if (found.isEmpty()) {
                return Optional.<Outcome>empty();
            }
            Mailboxes.Mailbox mailbox = found.get();
            String folder = mailbox.server().folder();
            Optional<ImapFetcher.FolderState> previous = store.lock(accountId, folder, clock.instant());
            Caller caller = mailbox.owner() == null ? Caller.SYSTEM : new Caller(mailbox.owner());
            try {
                Capturer.Result result = capturer.run(accountId, mailbox.server(), mailbox.ownAddresses(), previous,
                        finders.apply(caller));
                store.save(accountId, folder, Optional.of(result.state()), "", result.summary());
                if (result.received() + result.unmatched() + result.bounced() > 0) {
                    LOG.info("Mailbox of account {}: {}", accountId, result.summary());
                }
                return Optional.of(new Outcome(result.summary(), "", result.more()));
            } catch (MessagingException e) {
                String error = explain(mailbox, e, timeoutSeconds);
                LOG.warn("Mailbox of account {} could not be read: {}", accountId, error);
                store.save(accountId, folder, previous, error, "");
                return Optional.of(new Outcome("", error, false));
            }
        });
    }

    /**
     * @param mailbox the mailbox
     * @param e what failed
     * @return a message an administrator can act on, never with the password
     */
    static String explain(Mailboxes.Mailbox mailbox, Exception e, int timeoutSeconds) {
        ImapFetcher.Server s = mailbox.server();
        String where = s.host() + ":" + s.port();
        if (e instanceof FolderNotFoundException) {
            return where + " has no folder " + s.folder() + ": check the account's IMAP folder.";
        }
        return MailSessions.explain(where, e, timeoutSeconds);
    }
}
