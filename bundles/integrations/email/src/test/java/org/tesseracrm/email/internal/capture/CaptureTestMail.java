package org.tesseracrm.email.internal.capture;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.record.RecordRef;

/** Test messages and an in-memory message log for the capture tests. */
final class CaptureTestMail {
    static final Session SESSION = Session.getInstance(new Properties());

    private CaptureTestMail() {
    }

    /**
     * @param raw a message as it travels (headers, blank line, body), lines ending in \n
     * @return the message, its headers kept as written (no Message-ID added)
     */
    static MimeMessage raw(String raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the message's own Message-ID, or none
            }
        };
    }

    /** @return a plain message with a Message-ID, or without one if id is null */
    static MimeMessage plain(String id, String from, String to, String subject, String text, String... headers)
            throws MessagingException {
        StringBuilder raw = new StringBuilder();
        if (id != null) {
            raw.append("Message-ID: ").append(id).append('\n');
        }
        raw.append("From: ").append(from).append("\nTo: ").append(to).append("\nSubject: ").append(subject)
                .append("\nDate: Sat, 5 Dec 2026 10:00:00 +0000\n");
        for (String header : headers) {
            raw.append(header).append('\n');
        }
        raw.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n").append(text).append('\n');
        return raw(raw.toString());
    }

    /** One stored message of the in-memory log. */
    record Stored(long id, long accountId, CapturedMail mail, MailState state, List<RecordRef> records) {
    }

    /** The message log in memory: captured messages by account and Message-ID, sent ones by Message-ID. */
    static final class Log implements CaptureSink, BounceSink {
        final Map<String, Stored> stored = new HashMap<>();
        final Map<String, Long> sent = new HashMap<>();
        final Map<Long, List<RecordRef>> sentRecords = new HashMap<>();
        final List<Bounce> bounces = new ArrayList<>();
        final List<Long> bouncedMessages = new ArrayList<>();
        long next = 1000;

        void sent(long id, String messageId, RecordRef... records) {
            sent.put(messageId, id);
            sentRecords.put(id, List.of(records));
        }

        List<Stored> all() {
            return stored.values().stream().sorted(java.util.Comparator.comparingLong(Stored::id)).toList();
        }

        @Override
        public Optional<Long> insert(long accountId, CapturedMail mail, MailState state, List<RecordRef> records) {
            String key = accountId + mail.messageId();
            if (stored.containsKey(key)) {
                return Optional.empty();
            }
            long id = next++;
            stored.put(key, new Stored(id, accountId, mail, state, records));
            return Optional.of(id);
        }

        @Override
        public List<RecordRef> recordsOfSent(List<String> messageIds) {
            return messageIds.stream().map(sent::get).filter(java.util.Objects::nonNull).findFirst()
                    .map(sentRecords::get).orElse(List.of());
        }

        @Override
        public Optional<Long> sentMessage(String messageId) {
            return Optional.ofNullable(sent.get(messageId));
        }

        @Override
        public int bounced(long messageId, Bounce bounce) {
            bouncedMessages.add(messageId);
            bounces.add(bounce);
            return bounce.recipients().size();
        }
    }
}
