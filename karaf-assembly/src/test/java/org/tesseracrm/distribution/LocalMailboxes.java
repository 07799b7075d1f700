package org.tesseracrm.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The real mail servers {@code .ci/mail} starts on loopback, seen from the test JVM: postfix on 127.0.0.1:25 and
 * dovecot IMAP on 127.0.0.1:143, with the mailboxes {@code crm} and {@code customer} (password = user name) of the
 * domain {@code tessera.test}. Reads a mailbox over IMAP and sends as a mailbox's owner over SMTP.
 */
final class LocalMailboxes {
    static final String HOST = "127.0.0.1";
    static final int SMTP_PORT = 25;
    static final int IMAP_PORT = 143;
    static final String DOMAIN = "tessera.test";

    /** A message read from a mailbox: its headers of interest, its text and the names and bytes of its files. */
    record Received(String messageId, String subject, String from, String inReplyTo, String text,
            List<String> fileNames, List<byte[]> files) {
    }

    private LocalMailboxes() {
    }

    /** @return whether postfix and dovecot answer on loopback */
    static boolean running() {
        for (int port : new int[] {SMTP_PORT, IMAP_PORT}) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(HOST, port), 1000);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** @return the address of a mailbox */
    static String address(String user) {
        return user + "@" + DOMAIN;
    }

    /**
     * Waits until the user's INBOX holds a message the condition accepts.
     *
     * @param user the mailbox (its password is its name)
     * @param condition what the message must be
     * @param timeout how long to wait
     * @return the newest matching message
     * @throws AssertionError when none came in time
     */
    static Received await(String user, Predicate<Received> condition, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> seen = new ArrayList<>();
            for (Received message : read(user)) {
                if (condition.test(message)) {
                    return message;
                }
                seen.add(message.subject());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no such message for " + user + " in " + timeout + "; subjects: " + seen);
            }
            Thread.sleep(500);
        }
    }

    /** Deletes every message of the user's INBOX (a run starts from empty mailboxes, whatever earlier runs left). */
    static void empty(String user) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(HOST, IMAP_PORT, user, user);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        }
    }

    /** @return the messages of the user's INBOX, newest first */
    static List<Received> read(String user) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<Received> out = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(HOST, IMAP_PORT, user, user);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    out.add(received((MimeMessage) messages[i]));
                }
            } finally {
                inbox.close(false);
            }
        }
        return out;
    }

    /**
     * Sends a plain-text message from one of the mailboxes through postfix.
     *
     * @param user the sending mailbox
     * @param to the recipient
     * @param subject the subject
     * @param text the body
     * @param inReplyTo the Message-ID answered, or {@code null}
     */
    static void send(String user, String to, String subject, String text, String inReplyTo) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", HOST);
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(address(user)));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        Transport.send(message);
    }

    private static Received received(MimeMessage message) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        walk(message, text, names, files);
        return new Received(message.getMessageID(), Optional.ofNullable(message.getSubject()).orElse(""),
                message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString(),
                Optional.ofNullable(message.getHeader("In-Reply-To", null)).orElse(""), text.toString(), names, files);
    }

    private static void walk(Part part, StringBuilder text, List<String> names, List<byte[]> files)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, names, files);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            names.add(part.getFileName() == null ? "" : part.getFileName());
            try (InputStream in = part.getInputStream()) {
                files.add(in.readAllBytes());
            }
        } else if (part.isMimeType("text/*") || part.isMimeType("message/*")) {
            Object content = part.getContent();
            text.append(content instanceof String s ? s : String.valueOf(content)).append('\n');
        }
    }
}
