package org.tesseracrm.email.internal.capture;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

/**
 * The capture's own tables (changelog {@code email-capture.yaml}): how far each mailbox is read, and the bounces. Plain
 * JDBC on the CRM DataSource, so every write joins the caller's transaction scope. No permission checks here.
 */
final class CaptureStore {
    private final DataSource dataSource;
    private final TransactionScope scope;

    CaptureStore(DataSource dataSource, TransactionScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /**
     * How a mailbox was read last.
     *
     * @param accountId the account
     * @param folder the folder
     * @param state how far it is read, empty before its first run
     * @param lastRunAt the last run
     * @param lastError the last run's error, "" if it went well
     * @param lastSummary what the last run did
     */
    record Status(long accountId, String folder, Optional<ImapFetcher.FolderState> state, Optional<Instant> lastRunAt,
            String lastError, String lastSummary) {
    }

    /**
     * Takes the mailbox's row for the rest of the transaction (making it on its first run), so a second run of the
     * same mailbox waits until this one commits, and reads it.
     *
     * @param accountId the account
     * @param folder the folder
     * @param now the time of the run
     * @return how far the folder was read
     */
    Optional<ImapFetcher.FolderState> lock(long accountId, String folder, Instant now) {
        return scope.required(c -> {
            if (update(c, "UPDATE CRM_EMAIL_CAPTURE_STATE SET LAST_RUN_AT = ? WHERE ACCOUNT_ID = ? AND FOLDER = ?",
                    Timestamp.from(now), accountId, folder) == 0) {
                update(c, "INSERT INTO CRM_EMAIL_CAPTURE_STATE (ACCOUNT_ID, FOLDER, UID_VALIDITY, LAST_UID, LAST_RUN_AT) "
                        + "VALUES (?, ?, 0, 0, ?)", accountId, folder, Timestamp.from(now));
                return Optional.<ImapFetcher.FolderState>empty();
            }
            return status(accountId, folder).flatMap(Status::state);
        });
    }

    /**
     * Saves how far the folder is read and what the run did, in the run's transaction.
     *
     * @param accountId the account
     * @param folder the folder
     * @param state how far it is read now (unchanged after an error)
     * @param error the run's error, "" if none
     * @param summary what it did
     */
    void save(long accountId, String folder, Optional<ImapFetcher.FolderState> state, String error, String summary) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_CAPTURE_STATE SET UID_VALIDITY = ?, LAST_UID = ?, LAST_ERROR = ?, "
                + "LAST_SUMMARY = ? WHERE ACCOUNT_ID = ? AND FOLDER = ?",
                state.map(ImapFetcher.FolderState::uidValidity).orElse(0L),
                state.map(ImapFetcher.FolderState::lastUid).orElse(0L), cut(error, 1000), cut(summary, 500),
                accountId, folder));
    }

    /**
     * @param accountId the account
     * @param folder the folder
     * @return how it was read last, if ever
     */
    Optional<Status> status(long accountId, String folder) {
        return ModuleSql.query(dataSource, "SELECT ACCOUNT_ID, FOLDER, UID_VALIDITY, LAST_UID, LAST_RUN_AT, LAST_ERROR, "
                + "LAST_SUMMARY FROM CRM_EMAIL_CAPTURE_STATE WHERE ACCOUNT_ID = ? AND FOLDER = ?",
                List.of(accountId, folder), 1, rs -> {
                    long validity = rs.getLong(3);
                    Timestamp at = rs.getTimestamp(5);
                    return new Status(rs.getLong(1), rs.getString(2),
                            validity == 0 ? Optional.empty()
                                    : Optional.of(new ImapFetcher.FolderState(validity, rs.getLong(4))),
                            Optional.ofNullable(at).map(Timestamp::toInstant), nonNull(rs.getString(6)),
                            nonNull(rs.getString(7)));
                }).stream().findFirst();
    }

    /**
     * Records one recipient of a delivery report, once per report.
     *
     * @param messageId the sent message
     * @param reportKey the report's Message-ID (or header hash)
     * @param recipient the failed recipient
     * @param at when it was read
     * @return whether it is new
     */
    boolean bounce(long messageId, String reportKey, Bounce.Recipient recipient, Instant at) {
        return scope.required(c -> {
            if (!ModuleSql.query(dataSource, "SELECT 1 FROM CRM_EMAIL_BOUNCE WHERE MESSAGE_ID = ? AND RECIPIENT = ? "
                    + "AND REPORT_KEY = ?", List.of(messageId, cut(recipient.address(), 254), cut(reportKey, 250)), 1,
                    rs -> 1).isEmpty()) {
                return false;
            }
            update(c, "INSERT INTO CRM_EMAIL_BOUNCE (MESSAGE_ID, RECIPIENT, REPORT_KEY, STATUS, HARD, DIAGNOSTIC, "
                    + "BOUNCED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", messageId, cut(recipient.address(), 254),
                    cut(reportKey, 250), cut(recipient.status(), 20), recipient.hard(), cut(recipient.diagnostic(), 1000),
                    Timestamp.from(at));
            return true;
        });
    }

    /**
     * A bounce as stored.
     *
     * @param messageId the sent message
     * @param recipient the address
     * @param status the status code
     * @param hard whether it is permanent
     * @param diagnostic what the server said
     * @param at when the report was read
     */
    record StoredBounce(long messageId, String recipient, String status, boolean hard, String diagnostic, Instant at) {
    }

    /**
     * @param messageId a sent message
     * @return its bounces, newest first
     */
    List<StoredBounce> bounces(long messageId) {
        return ModuleSql.query(dataSource, "SELECT MESSAGE_ID, RECIPIENT, STATUS, HARD, DIAGNOSTIC, BOUNCED_AT FROM "
                + "CRM_EMAIL_BOUNCE WHERE MESSAGE_ID = ? ORDER BY BOUNCED_AT DESC, RECIPIENT", List.of(messageId), 500,
                rs -> new StoredBounce(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    /**
     * @param header a Message-ID header
     * @return the message Tessera sent with it (any account: a reply may come into another mailbox)
     */
    Optional<Long> sentMessage(String header) {
        return ModuleSql.query(dataSource, "SELECT ID FROM CRM_EMAIL_MESSAGE WHERE MESSAGE_ID_HEADER = ? AND DIRECTION = 'OUT' "
                + "ORDER BY ID", List.of(cut(header, 500)), 1, rs -> rs.getLong(1)).stream().findFirst();
    }

    /**
     * @param messageId a message of the log
     * @return the records it is logged on (without titles)
     */
    List<org.tesseracrm.kernel.api.record.RecordRef> links(long messageId) {
        return ModuleSql.query(dataSource, "SELECT RECORD_TYPE, RECORD_ID FROM CRM_EMAIL_LINK WHERE MESSAGE_ID = ? "
                + "ORDER BY RECORD_TYPE, RECORD_ID", List.of(messageId), 100,
                rs -> new org.tesseracrm.kernel.api.record.RecordRef(rs.getString(1), rs.getLong(2), ""));
    }

    private static int update(java.sql.Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            ModuleSql.bind(statement, List.of(params));
            return statement.executeUpdate();
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
    }
}
