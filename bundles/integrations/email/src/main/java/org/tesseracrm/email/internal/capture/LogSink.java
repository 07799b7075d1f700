package org.tesseracrm.email.internal.capture;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.InternetAddress;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.outbox.ActivityTimer;
import org.tesseracrm.email.internal.outbox.MessageStore;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Captured mail into the message log ({@link MessageStore#insertCaptured}, once per account and Message-ID), with
 * {@link MailEvents#RECEIVED} after commit for mail that matched records and the outbox's activity timer
 * ({@link ActivityTimer#HANDLER}) scheduled for it, so received mail is logged as an activity the way sent mail is;
 * sent mail found by its Message-ID in any account.
 */
final class LogSink implements CaptureSink {
    private final MessageStore messages;
    private final CaptureStore store;
    private final TransactionScope scope;
    private final EventAdmin events;
    private final Timers timers;
    private final Clock clock;

    LogSink(MessageStore messages, CaptureStore store, TransactionScope scope, EventAdmin events, Timers timers,
            Clock clock) {
        this.timers = timers;
        this.clock = clock;
        this.messages = messages;
        this.store = store;
        this.scope = scope;
        this.events = events;
    }

    @Override
    public Optional<Long> insert(long accountId, CapturedMail mail, MailState state, List<RecordRef> records) {
        String inReplyTo = mail.threadIds().isEmpty() ? "" : mail.threadIds().get(0);
        List<String> references = new ArrayList<>(mail.threadIds());
        java.util.Collections.reverse(references);
        Optional<Long> id = messages.insertCaptured(accountId, mail.messageId(), inReplyTo,
                String.join(" ", references), from(mail), mail.to(), mail.cc(), mail.subject(), mail.html(),
                mail.textWithNotes(), mail.sentAt(), mail.attachments(), records, state);
        if (id.isPresent() && !records.isEmpty()) {
            timers.schedule(ActivityTimer.HANDLER, Long.toString(id.get()), clock.instant(), "");
        }
        if (id.isPresent() && !records.isEmpty() && events != null) {
            String[] refs = records.stream().map(r -> r.recordType() + ":" + r.id()).toArray(String[]::new);
            long messageId = id.get();
            scope.afterCommit(() -> events.postEvent(new Event(MailEvents.RECEIVED,
                    Map.of(MailEvents.MESSAGE_ID, messageId, MailEvents.RECORDS, refs))));
        }
        return id;
    }

    private static String from(CapturedMail mail) {
        if (mail.fromName().isEmpty()) {
            return mail.from();
        }
        try {
            return new InternetAddress(mail.from(), mail.fromName(), "UTF-8").toUnicodeString();
        } catch (java.io.UnsupportedEncodingException e) {
            return mail.from();
        }
    }

    @Override
    public List<RecordRef> recordsOfSent(List<String> messageIds) {
        for (String header : messageIds) {
            Optional<Long> sent = store.sentMessage(header);
            if (sent.isPresent()) {
                return store.links(sent.get());
            }
        }
        return List.of();
    }

    @Override
    public Optional<Long> sentMessage(String messageId) {
        return store.sentMessage(messageId);
    }
}
