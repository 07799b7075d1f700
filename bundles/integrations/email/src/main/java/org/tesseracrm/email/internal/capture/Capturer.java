package org.tesseracrm.email.internal.capture;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * One capture run of one mailbox: reads the new messages ({@link ImapFetcher}), and for each either records the
 * delivery report it is ({@link BounceParser}: never logged as received mail) or parses it ({@link MailParser}),
 * matches it to records and stores it ({@link CaptureSink}), once per Message-ID. Matching: a reply to mail Tessera
 * sent goes to that mail's records (its {@code In-Reply-To} / {@code References}); any other message to the records
 * that hold its sender's or its other recipients' addresses (the mailbox's own address left out), as the
 * {@link RecordFinder} sees them; a message that matches nothing is stored {@link MailState#UNMATCHED}.
 */
final class Capturer {
    private static final Logger LOG = LoggerFactory.getLogger(Capturer.class);
    /** The most addresses of one message looked up. */
    private static final int MAX_LOOKUPS = 20;
    /** The most records one message is logged on. */
    private static final int MAX_RECORDS = 20;

    private final ImapFetcher fetcher;
    private final MailParser parser;
    private final CaptureSink sink;
    private final BounceSink bounces;
    private final CaptureLimits limits;
    private final Clock clock;

    Capturer(ImapFetcher fetcher, CaptureSink sink, BounceSink bounces, CaptureLimits limits, Clock clock) {
        this.fetcher = fetcher;
        this.parser = new MailParser(limits);
        this.sink = sink;
        this.bounces = bounces;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * What a run did.
     *
     * @param state how far the folder is read now
     * @param received messages stored on records
     * @param unmatched messages stored unmatched
     * @param duplicates messages already stored
     * @param bounced delivery reports recorded
     * @param skipped messages that could not be parsed (logged, not stored) and reports about mail Tessera did not send
     * @param more whether new messages are left for the next run
     */
    record Result(ImapFetcher.FolderState state, int received, int unmatched, int duplicates, int bounced, int skipped,
            boolean more) {
        /** @return a line for the log and the shell */
        String summary() {
            return received + " received, " + unmatched + " unmatched, " + duplicates + " already stored, " + bounced
                    + " delivery reports, " + skipped + " skipped" + (more ? "; more are waiting" : "");
        }
    }

    /**
     * @param accountId the account
     * @param server its mailbox
     * @param ownAddresses the account's own addresses, not matched to records
     * @param previous how far the mailbox was read
     * @param finder finds records by address as the mailbox's owner (or the system for a shared mailbox) sees them
     * @return what was done
     * @throws MessagingException if the mailbox cannot be read
     */
    Result run(long accountId, ImapFetcher.Server server, Set<String> ownAddresses,
            Optional<ImapFetcher.FolderState> previous, RecordFinder finder) throws MessagingException {
        int[] counts = new int[5];
        ImapFetcher.Run run = fetcher.fetch(server, previous, limits.messagesPerRun(), (uid, message) -> {
            counts[take(accountId, message, ownAddresses, finder)]++;
        });
        if (run.reset()) {
            LOG.info("Mailbox {} of account {} was renumbered by its server (UIDVALIDITY changed): read again from the "
                    + "start; messages already stored are not stored twice", server, accountId);
        }
        return new Result(run.state(), counts[0], counts[1], counts[2], counts[3], counts[4], run.more());
    }

    /**
     * Takes one message. A message that cannot be parsed is logged and skipped, so one broken message never holds up
     * its mailbox; a failure to store (the database) fails the run, which the timer retries.
     *
     * @return 0 received, 1 unmatched, 2 duplicate, 3 bounce, 4 skipped
     */
    int take(long accountId, MimeMessage message, Set<String> ownAddresses, RecordFinder finder) {
        Optional<Bounce> bounce;
        CapturedMail mail = null;
        try {
            bounce = BounceParser.parse(message);
            if (bounce.isEmpty()) {
                mail = parser.parse(message, clock.instant());
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("A message in account {} could not be read and is skipped: {}", accountId, e.toString());
            return 4;
        }
        if (bounce.isPresent()) {
            Optional<Long> sent = bounce.get().originalMessageId().flatMap(sink::sentMessage);
            if (sent.isEmpty()) {
                LOG.debug("A delivery report in account {} is about mail Tessera did not send", accountId);
                return 4;
            }
            bounces.bounced(sent.get(), bounce.get());
            return 3;
        }
        List<RecordRef> records = match(mail, ownAddresses, finder);
        Optional<Long> stored = sink.insert(accountId, mail, records.isEmpty() ? MailState.UNMATCHED
                : MailState.RECEIVED, records);
        return stored.isEmpty() ? 2 : records.isEmpty() ? 1 : 0;
    }

    /**
     * @param mail a captured message
     * @param ownAddresses the mailbox's own addresses
     * @param finder finds records by address
     * @return the records it belongs to: those of the sent mail it replies to, else those holding its addresses
     */
    List<RecordRef> match(CapturedMail mail, Set<String> ownAddresses, RecordFinder finder) {
        if (!mail.threadIds().isEmpty()) {
            List<RecordRef> thread = sink.recordsOfSent(mail.threadIds());
            if (!thread.isEmpty()) {
                return thread.stream().limit(MAX_RECORDS).toList();
            }
        }
        Set<String> own = new LinkedHashSet<>();
        ownAddresses.forEach(a -> own.add(a.toLowerCase(Locale.ROOT)));
        Set<String> addresses = new LinkedHashSet<>();
        addresses.add(mail.from());
        addresses.addAll(mail.to());
        addresses.addAll(mail.cc());
        addresses.removeIf(a -> a.isBlank() || own.contains(a));
        Map<String, RecordRef> records = new LinkedHashMap<>();
        for (String address : new ArrayList<>(addresses).subList(0, Math.min(addresses.size(), MAX_LOOKUPS))) {
            for (RecordRef ref : finder.byAddress(address)) {
                records.putIfAbsent(ref.recordType() + ":" + ref.id(), ref);
            }
        }
        return records.values().stream().limit(MAX_RECORDS).toList();
    }
}
