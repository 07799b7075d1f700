package org.tesseracrm.email.internal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The table CRM_EMAIL_ACCOUNT in plain JDBC on the CRM DataSource (writes join the caller's transaction scope). No
 * permission checks here: {@link MailAccountsImpl} checks them; the send timer and the capture run as the system. A
 * plain class, not a service (the module's services are the API's, which check the caller): each component that needs
 * it makes its own.
 */
public final class AccountStore {
    /** The accounts' id generator. */
    static final IdGenerator IDS = new IdGenerator("EMAIL_ID_GEN", "GEN_NAME", "GEN_VALUE", "ACCOUNT");
    private static final String COLUMNS = "ID, NAME, OWNER, FROM_ADDRESS, FROM_NAME, SMTP_HOST, SMTP_PORT, SMTP_SECURITY, "
            + "SMTP_USER, SMTP_PASSWORD, IMAP_HOST, IMAP_PORT, IMAP_SECURITY, IMAP_USER, IMAP_PASSWORD, IMAP_FOLDER, "
            + "SEND_PER_MINUTE, SIGNATURE_HTML, ENABLED, VERSION, WINDOW_START, WINDOW_SENT";

    private final DataSource dataSource;
    private final TransactionScope scope;

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     */
    public AccountStore(DataSource dataSource, TransactionScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /** @return every account, shared ones first, then by name */
    public List<StoredAccount> all() {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_ACCOUNT ORDER BY OWNER NULLS FIRST, NAME, ID",
                List.of(), 10_000, AccountStore::read);
    }

    /**
     * @param owner a user
     * @return the shared accounts and the user's own, shared first, then by name
     */
    public List<StoredAccount> usableBy(String owner) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_ACCOUNT WHERE OWNER IS NULL OR OWNER = ? "
                + "ORDER BY OWNER NULLS FIRST, NAME, ID", List.of(owner), 10_000, AccountStore::read);
    }

    /** @return the account */
    public Optional<StoredAccount> find(long id) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_ACCOUNT WHERE ID = ?", List.of(id), 1,
                AccountStore::read).stream().findFirst();
    }

    /**
     * @param input the fields (passwords ignored: given sealed)
     * @param owner the owner, or null for a shared account
     * @param smtpPassword the sealed SMTP password or null
     * @param imapPassword the sealed IMAP password or null
     * @param createdBy who creates it
     * @param now when
     * @return the new account's id
     */
    long insert(MailAccountInput input, String owner, String smtpPassword, String imapPassword, String createdBy, Instant now) {
        long id = scope.reserveIds(IDS, 1);
        scope.required(c -> update(c, "INSERT INTO CRM_EMAIL_ACCOUNT (ID, NAME, OWNER, FROM_ADDRESS, FROM_NAME, SMTP_HOST, SMTP_PORT, "
                + "SMTP_SECURITY, SMTP_USER, SMTP_PASSWORD, IMAP_HOST, IMAP_PORT, IMAP_SECURITY, IMAP_USER, IMAP_PASSWORD, "
                + "IMAP_FOLDER, SEND_PER_MINUTE, SIGNATURE_HTML, ENABLED, VERSION, CREATED_BY, CREATED_AT, WINDOW_SENT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)", id, input.name(), owner,
                input.fromAddress(), input.fromName(), input.smtpHost(), input.smtpPort(), input.smtpSecurity().name(),
                input.smtpUser(), smtpPassword, input.imapHost(), input.imapPort(), input.imapSecurity().name(), input.imapUser(),
                imapPassword, input.imapFolder(), input.sendPerMinute(), input.signatureHtml(), input.enabled(), createdBy, ts(now)));
        return id;
    }

    /**
     * Changes an account if its version is the one given.
     *
     * @return whether it was changed (false: stale version)
     */
    boolean update(long id, long version, MailAccountInput input, String owner, String smtpPassword, String imapPassword) {
        return scope.required(c -> update(c, "UPDATE CRM_EMAIL_ACCOUNT SET NAME = ?, OWNER = ?, FROM_ADDRESS = ?, FROM_NAME = ?, "
                + "SMTP_HOST = ?, SMTP_PORT = ?, SMTP_SECURITY = ?, SMTP_USER = ?, SMTP_PASSWORD = ?, IMAP_HOST = ?, IMAP_PORT = ?, "
                + "IMAP_SECURITY = ?, IMAP_USER = ?, IMAP_PASSWORD = ?, IMAP_FOLDER = ?, SEND_PER_MINUTE = ?, SIGNATURE_HTML = ?, "
                + "ENABLED = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", input.name(), owner, input.fromAddress(),
                input.fromName(), input.smtpHost(), input.smtpPort(), input.smtpSecurity().name(), input.smtpUser(), smtpPassword,
                input.imapHost(), input.imapPort(), input.imapSecurity().name(), input.imapUser(), imapPassword, input.imapFolder(),
                input.sendPerMinute(), input.signatureHtml(), input.enabled(), id, version) == 1);
    }

    void delete(long id) {
        scope.required(c -> update(c, "DELETE FROM CRM_EMAIL_ACCOUNT WHERE ID = ?", id));
    }

    /**
     * Counts a message sent in the throttle's minute.
     *
     * @param id the account
     * @param windowStart the minute's start
     * @param sent the messages sent in it, this one included
     */
    public void countSent(long id, Instant windowStart, int sent) {
        scope.required(c -> update(c, "UPDATE CRM_EMAIL_ACCOUNT SET WINDOW_START = ?, WINDOW_SENT = ? WHERE ID = ?", ts(windowStart),
                sent, id));
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            ModuleSql.bind(statement, Arrays.asList(params));
            return statement.executeUpdate();
        }
    }

    private static StoredAccount read(ResultSet rs) throws SQLException {
        String smtpPassword = rs.getString(10);
        String imapPassword = rs.getString(15);
        MailAccount account = new MailAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), MailSecurity.valueOf(rs.getString(8)), rs.getString(9), smtpPassword != null,
                rs.getString(11), rs.getInt(12), MailSecurity.valueOf(rs.getString(13)), rs.getString(14), imapPassword != null,
                rs.getString(16), rs.getInt(17), rs.getString(18), rs.getBoolean(19), rs.getLong(20));
        Timestamp window = rs.getTimestamp(21);
        return new StoredAccount(account, Optional.ofNullable(smtpPassword), Optional.ofNullable(imapPassword),
                window == null ? Optional.empty() : Optional.of(window.toLocalDateTime().toInstant(ZoneOffset.UTC)), rs.getInt(22));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
