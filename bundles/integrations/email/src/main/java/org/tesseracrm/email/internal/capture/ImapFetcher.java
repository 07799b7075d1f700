package org.tesseracrm.email.internal.capture;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.internal.account.MailSessions;

/**
 * Reads the new messages of one IMAP folder, by UID: the messages after the last UID read, as long as the folder's
 * UIDVALIDITY is the one read with it (a changed one means the server renumbered the folder: it is read again from
 * the start, and the Message-ID keeps what was stored from being stored twice). The folder is opened read-only:
 * nothing is marked, moved or deleted on the server. The thread's context class loader is Angus Mail's while the
 * session and the store are used ({@link MailSessions#withMailLoader}), so the providers are found inside OSGi.
 */
final class ImapFetcher {
    /** Largest UID IMAP has (32 bits). */
    private static final long MAX_UID = 0xFFFFFFFFL;

    /**
     * Where a mailbox is.
     *
     * @param host the IMAP host
     * @param port its port
     * @param security how the connection is protected
     * @param user the login
     * @param password the password, opened from its seal just for the run
     * @param folder the folder read, usually {@code INBOX}
     */
    record Server(String host, int port, MailSecurity security, String user, String password, String folder) {
        @Override
        public String toString() { // never the password
            return user + "@" + host + ":" + port + "/" + folder;
        }
    }

    /**
     * How far a folder was read.
     *
     * @param uidValidity the folder's UIDVALIDITY
     * @param lastUid the last UID read
     */
    record FolderState(long uidValidity, long lastUid) {
    }

    /**
     * What a run read.
     *
     * @param state how far the folder is read now
     * @param read how many messages were handed over
     * @param more whether new messages are left for the next run
     * @param reset whether the folder's UIDVALIDITY changed, so it was read from the start
     */
    record Run(FolderState state, int read, boolean more, boolean reset) {
    }

    /** Takes each new message while the folder is open. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param uid the message's UID
         * @param message the message; its parts are fetched from the server as they are read
         * @throws MessagingException if it cannot be read (the run stops, the message is read again next time)
         * @throws IOException the same
         */
        void message(long uid, MimeMessage message) throws MessagingException, IOException;
    }

    private final Duration timeout;

    /** @param timeout the connect and read timeout */
    ImapFetcher(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param server the mailbox
     * @param previous how far it was read, empty the first time
     * @param max at most this many messages
     * @param visitor takes each new message, oldest first
     * @return how far the folder is read now
     * @throws MessagingException if the server cannot be reached, refuses the login or has no such folder, or the
     *     visitor fails to read a message
     */
    Run fetch(Server server, Optional<FolderState> previous, int max, Visitor visitor) throws MessagingException {
        int millis = (int) timeout.toMillis();
        Properties props = MailSessions.properties(server.host(), server.port(), server.security(), true, true, millis,
                millis);
        props.setProperty("mail." + MailSessions.protocol(server.security(), true) + ".partialfetch", "true");
        return MailSessions.withMailLoader(() -> {
            Session session = Session.getInstance(props);
            try (Store store = session.getStore(MailSessions.protocol(server.security(), true))) {
                store.connect(server.host(), server.port(), server.user(), server.password());
                Folder folder = store.getFolder(server.folder() == null || server.folder().isBlank() ? "INBOX"
                        : server.folder());
                folder.open(Folder.READ_ONLY);
                try {
                    return read((UIDFolder) folder, folder, previous, max, visitor);
                } catch (IOException e) {
                    throw new MessagingException("A message could not be read: " + e.getMessage(), e);
                } finally {
                    folder.close(false);
                }
            }
        });
    }

    private static Run read(UIDFolder uids, Folder folder, Optional<FolderState> previous, int max, Visitor visitor)
            throws MessagingException, IOException {
        long validity = uids.getUIDValidity();
        boolean reset = previous.isPresent() && previous.get().uidValidity() != validity;
        long last = previous.filter(p -> p.uidValidity() == validity).map(FolderState::lastUid).orElse(0L);
        if (last >= MAX_UID) {
            return new Run(new FolderState(validity, last), 0, false, reset);
        }
        Message[] found = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(found, profile);
        long from = last;
        // "n:*" also answers the last message when it is below n: keep only the new ones
        List<Message> fresh = Arrays.stream(found).filter(m -> m != null && uid(uids, m) > from)
                .sorted(Comparator.comparingLong(m -> uid(uids, m))).toList();
        int count = 0;
        for (Message message : fresh) {
            if (count == max) {
                break;
            }
            long uid = uid(uids, message);
            visitor.message(uid, (MimeMessage) message);
            last = uid;
            count++;
        }
        return new Run(new FolderState(validity, last), count, fresh.size() > count, reset);
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }
}
