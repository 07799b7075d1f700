package org.tesseracrm.email.internal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * The tables CRM_EMAIL_MESSAGE, CRM_EMAIL_ATTACHMENT and CRM_EMAIL_LINK in plain JDBC on the CRM DataSource: every
 * write joins the caller's transaction scope. No permission checks here (the services check them; the send timer and
 * the capture run as the system). A plain class, not a service: each component that needs it makes its own with
 * {@code new MessageStore(dataSource, scope)}.
 */
public final class MessageStore {
    static final IdGenerator MESSAGE_IDS = new IdGenerator("EMAIL_ID_GEN", "GEN_NAME", "GEN_VALUE", "MESSAGE");
    static final IdGenerator ATTACHMENT_IDS = new IdGenerator("EMAIL_ID_GEN", "GEN_NAME", "GEN_VALUE", "ATTACHMENT");
    /** Where captured mail comes from ({@link MailState} RECEIVED or UNMATCHED). */
    public static final String CAPTURE_SOURCE = "capture";
    private static final String COLUMNS = "M.ID, M.ACCOUNT_ID, M.DIRECTION, M.STATE, M.MESSAGE_ID_HEADER, M.IN_REPLY_TO, "
            + "M.REFERENCES_HEADER, M.FROM_ADDRESS, M.TO_ADDRESSES, M.CC_ADDRESSES, M.BCC_ADDRESSES, M.SUBJECT, M.HTML_BODY, "
            + "M.TEXT_BODY, M.EXTRA_HEADERS, M.CREATED_BY, M.CREATED_AT, M.SENT_AT, M.ATTEMPTS, M.FIRST_ATTEMPT_AT, "
            + "M.NEXT_ATTEMPT_AT, M.LAST_ERROR, M.SOURCE";

    private final DataSource dataSource;
    private final TransactionScope scope;

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     */
    public MessageStore(DataSource dataSource, TransactionScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /**
     * Stores a message with its attachments and record links, in the caller's scope.
     *
     * @param message the message
     * @return its id
     */
    public long insert(NewMessage message) {
        long id = scope.reserveIds(MESSAGE_IDS, 1);
        long firstAttachment = message.attachments().isEmpty() ? 0 : scope.reserveIds(ATTACHMENT_IDS, message.attachments().size());
        scope.required(c -> {
            update(c, "INSERT INTO CRM_EMAIL_MESSAGE (ID, ACCOUNT_ID, DIRECTION, STATE, MESSAGE_ID_HEADER, IN_REPLY_TO, REFERENCES_HEADER, "
                    + "FROM_ADDRESS, TO_ADDRESSES, CC_ADDRESSES, BCC_ADDRESSES, SUBJECT, HTML_BODY, TEXT_BODY, EXTRA_HEADERS, CREATED_BY, "
                    + "CREATED_AT, SENT_AT, ATTEMPTS, SOURCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", id,
                    message.accountId(), message.inbound() ? "IN" : "OUT", message.state().name(), cut(message.messageId(), 500),
                    blankToNull(cut(message.inReplyTo(), 500)), blankToNull(cutStart(message.references(), 4000)),
                    cut(message.from(), 500), lines(message.to()), lines(message.cc()), lines(message.bcc()),
                    cut(message.subject(), 1000), message.html(), message.text(), headerLines(message.headers()),
                    cut(message.createdBy(), 100), ts(message.createdAt()), message.sentAt() == null ? null : ts(message.sentAt()),
                    cut(message.source(), 100));
            int position = 0;
            for (MailAttachment file : message.attachments()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_EMAIL_ATTACHMENT (ID, MESSAGE_ID, POSITION, "
                        + "FILE_NAME, CONTENT_TYPE, SIZE_BYTES, CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ModuleSql.bind(insert, List.of(firstAttachment + position, id, position, cut(file.name(), 255),
                            cut(file.contentType(), 200), (long) file.content().length));
                    insert.setBytes(7, file.content());
                    insert.executeUpdate();
                }
                position++;
            }
            for (RecordRef record : new LinkedHashSet<>(message.records().stream().map(r -> new RecordRef(r.recordType(), r.id(), ""))
                    .toList())) {
                update(c, "INSERT INTO CRM_EMAIL_LINK (MESSAGE_ID, RECORD_TYPE, RECORD_ID) VALUES (?, ?, ?)", id, record.recordType(),
                        record.id());
            }
            return id;
        });
        return id;
    }

    /**
     * Stores a message captured from an account's mailbox (for the capture), unless the account has one of that
     * Message-ID already.
     *
     * @param accountId the mailbox's account
     * @param messageId its Message-ID header (with the angle brackets; make one up for mail without)
     * @param inReplyTo its In-Reply-To header, blank if none
     * @param references its References header, blank if none
     * @param from the sender
     * @param to recipients
     * @param cc copy recipients
     * @param subject the subject
     * @param html the sanitised HTML body or null
     * @param text the text body or null
     * @param receivedAt when it was sent or received
     * @param attachments its files (bounded by the caller)
     * @param records the records it matched
     * @param state {@link MailState#RECEIVED} when it matched records, {@link MailState#UNMATCHED} otherwise
     * @return the new message's id, or empty if the account has that Message-ID already
     */
    public Optional<Long> insertCaptured(long accountId, String messageId, String inReplyTo, String references, String from,
            List<String> to, List<String> cc, String subject, String html, String text, Instant receivedAt,
            List<MailAttachment> attachments, List<RecordRef> records, MailState state) {
        if (findByHeader(accountId, messageId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(insert(new NewMessage(accountId, true, state, messageId, inReplyTo, references, from, to, cc, List.of(),
                subject == null ? "" : subject, html, text, Map.of(), "system", receivedAt, receivedAt, CAPTURE_SOURCE, attachments,
                records)));
    }

    /**
     * @param accountId an account
     * @param messageId a Message-ID header
     * @return the id of the account's message with that header
     */
    public Optional<Long> findByHeader(long accountId, String messageId) {
        return ModuleSql.query(dataSource, "SELECT ID FROM CRM_EMAIL_MESSAGE WHERE ACCOUNT_ID = ? AND MESSAGE_ID_HEADER = ?",
                List.of(accountId, cut(messageId, 500)), 1, rs -> rs.getLong(1)).stream().findFirst();
    }

    /** @return the message */
    public Optional<StoredMessage> find(long id) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_MESSAGE M WHERE M.ID = ?", List.of(id), 1,
                MessageStore::read).stream().findFirst();
    }

    /**
     * @param recordType a record type
     * @param recordId a record
     * @param limit the most returned
     * @return the record's messages, newest first
     */
    public List<StoredMessage> forRecord(String recordType, long recordId, int limit) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_MESSAGE M JOIN CRM_EMAIL_LINK L ON L.MESSAGE_ID = M.ID "
                + "WHERE L.RECORD_TYPE = ? AND L.RECORD_ID = ? ORDER BY M.ID DESC", List.of(recordType, recordId), limit,
                MessageStore::read);
    }

    /**
     * @param state a state
     * @param user the user whose messages are wanted (those they queued, and those captured from the accounts they may
     *     use), or empty for everybody's
     * @param limit the most returned
     * @return the messages, newest first
     */
    public List<StoredMessage> list(MailState state, Optional<String> user, int limit) {
        List<Object> params = new ArrayList<>(List.of(state.name()));
        String mine = "";
        if (user.isPresent()) {
            mine = " AND (M.CREATED_BY = ? OR (M.DIRECTION = 'IN' AND M.ACCOUNT_ID IN (SELECT A.ID FROM CRM_EMAIL_ACCOUNT A "
                    + "WHERE A.OWNER IS NULL OR A.OWNER = ?)))";
            params.add(user.get());
            params.add(user.get());
        }
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_MESSAGE M WHERE M.STATE = ?" + mine
                + " ORDER BY M.ID DESC", params, limit, MessageStore::read);
    }

    /** @return the records a message is logged on, without titles */
    public List<RecordRef> links(long id) {
        return ModuleSql.query(dataSource, "SELECT RECORD_TYPE, RECORD_ID FROM CRM_EMAIL_LINK WHERE MESSAGE_ID = ? "
                + "ORDER BY RECORD_TYPE, RECORD_ID", List.of(id), 10_000, rs -> new RecordRef(rs.getString(1), rs.getLong(2), ""));
    }

    /** @return the names of a message's files, in order */
    public List<String> attachmentNames(long id) {
        return ModuleSql.query(dataSource, "SELECT FILE_NAME FROM CRM_EMAIL_ATTACHMENT WHERE MESSAGE_ID = ? ORDER BY POSITION",
                List.of(id), 1000, rs -> rs.getString(1));
    }

    /** @return a message's files, in order */
    public List<MailAttachment> attachments(long id) {
        return ModuleSql.query(dataSource, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM CRM_EMAIL_ATTACHMENT WHERE MESSAGE_ID = ? "
                + "ORDER BY POSITION", List.of(id), 1000, rs -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
    }

    /**
     * Logs a message on one more record.
     *
     * @return whether the link is new
     */
    public boolean link(long id, String recordType, long recordId) {
        return scope.required(c -> {
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM CRM_EMAIL_LINK WHERE MESSAGE_ID = ? AND RECORD_TYPE = ? "
                    + "AND RECORD_ID = ?")) {
                ModuleSql.bind(find, List.of(id, recordType, recordId));
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            update(c, "INSERT INTO CRM_EMAIL_LINK (MESSAGE_ID, RECORD_TYPE, RECORD_ID) VALUES (?, ?, ?)", id, recordType, recordId);
            return true;
        });
    }

    /** Marks a message sent. */
    public void sent(long id, Instant at) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_MESSAGE SET STATE = ?, SENT_AT = ?, ATTEMPTS = ATTEMPTS + 1, "
                + "FIRST_ATTEMPT_AT = COALESCE(FIRST_ATTEMPT_AT, ?), NEXT_ATTEMPT_AT = NULL, LAST_ERROR = NULL WHERE ID = ?",
                MailState.SENT.name(), ts(at), ts(at), id));
    }

    /**
     * Counts a failed attempt.
     *
     * @param id the message
     * @param state QUEUED to retry, FAILED to give up
     * @param at when it failed
     * @param next the next attempt, when retried
     * @param error what failed
     */
    public void failed(long id, MailState state, Instant at, Optional<Instant> next, String error) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_MESSAGE SET STATE = ?, ATTEMPTS = ATTEMPTS + 1, "
                + "FIRST_ATTEMPT_AT = COALESCE(FIRST_ATTEMPT_AT, ?), NEXT_ATTEMPT_AT = ?, LAST_ERROR = ? WHERE ID = ?", state.name(),
                ts(at), next.map(MessageStore::ts).orElse(null), cut(error, 2000), id));
    }

    /**
     * Sets a message's state without counting an attempt.
     *
     * @param id the message
     * @param state the new state
     * @param error why (SKIPPED, FAILED), or null to keep the last error
     * @param next the next attempt, or null
     */
    public void state(long id, MailState state, String error, Instant next) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_MESSAGE SET STATE = ?, LAST_ERROR = COALESCE(?, LAST_ERROR), "
                + "NEXT_ATTEMPT_AT = ? WHERE ID = ?", state.name(), error == null ? null : cut(error, 2000),
                next == null ? null : ts(next), id));
    }

    /** Puts a failed message back in the outbox with its attempts counted from zero. */
    public void requeue(long id, Instant next) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_MESSAGE SET STATE = ?, ATTEMPTS = 0, FIRST_ATTEMPT_AT = NULL, "
                + "NEXT_ATTEMPT_AT = ?, LAST_ERROR = NULL WHERE ID = ?", MailState.QUEUED.name(), ts(next), id));
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            ModuleSql.bind(statement, Arrays.asList(params));
            return statement.executeUpdate();
        }
    }

    private static StoredMessage read(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong(1), rs.getLong(2), "IN".equals(rs.getString(3)), MailState.valueOf(rs.getString(4)),
                rs.getString(5), nonNull(rs.getString(6)), nonNull(rs.getString(7)), rs.getString(8), split(rs.getString(9)),
                split(rs.getString(10)), split(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getString(14),
                headers(rs.getString(15)), rs.getString(16), instant(rs, 17).orElseThrow(), instant(rs, 18), rs.getInt(19),
                instant(rs, 20), instant(rs, 21), nonNull(rs.getString(22)), rs.getString(23));
    }

    static String lines(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    static List<String> split(String lines) {
        return lines == null || lines.isBlank() ? List.of()
                : Arrays.stream(lines.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String headerLines(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : split(lines)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Keeps the end of a long References header (its newest ids). */
    private static String cutStart(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(text.length() - max);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
}
