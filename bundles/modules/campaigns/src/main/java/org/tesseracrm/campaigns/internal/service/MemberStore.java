package org.tesseracrm.campaigns.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.MemberState;
import org.tesseracrm.kernel.api.persistence.ModuleSql;

/** The module's own SQL, run on the connection of the record change, service call or timer it belongs to. */
final class MemberStore {
    private static final String COLUMNS = "ID, CAMPAIGN_ID, RECORD_TYPE, RECORD_ID, ADDRESS, NAME, STATE, MESSAGE_ID, "
            + "ADDED_AT, QUEUED_AT, OPENED_AT, OPENS, CLICKED_AT, CLICKS, BOUNCED, UNSUBSCRIBED, ERROR";

    private MemberStore() {
    }

    static Set<String> addresses(Connection c, long campaignId) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ADDRESS FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ?")) {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    static int insert(Connection c, long campaignId, List<Segment.Candidate> members, Instant at) throws SQLException {
        if (members.isEmpty()) {
            return 0;
        }
        long next = ModuleSql.reserveIds(c, CampaignRecordType.MEMBER_IDS, members.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_CAMPAIGN_MEMBER (ID, CAMPAIGN_ID, RECORD_TYPE, "
                + "RECORD_ID, ADDRESS, NAME, STATE, ADDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Segment.Candidate m : members) {
                ps.setLong(1, next++);
                ps.setLong(2, campaignId);
                ps.setString(3, m.recordType());
                ps.setLong(4, m.recordId());
                ps.setString(5, m.address());
                ps.setString(6, m.name());
                ps.setString(7, MemberState.PENDING.name());
                ps.setTimestamp(8, Timestamp.from(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return members.size();
    }

    static List<CampaignMember> list(Connection c, long campaignId, int offset, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ? ORDER BY ID"
                + " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + limit + " ROWS ONLY", campaignId);
    }

    static List<CampaignMember> pending(Connection c, long campaignId, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ? AND STATE = '"
                + MemberState.PENDING.name() + "' ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY", campaignId);
    }

    static Optional<CampaignMember> get(Connection c, long memberId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM CRM_CAMPAIGN_MEMBER WHERE ID = ?", memberId).stream().findFirst();
    }

    static Optional<CampaignMember> byMessage(Connection c, long messageId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM CRM_CAMPAIGN_MEMBER WHERE MESSAGE_ID = ?", messageId).stream()
                .findFirst();
    }

    private static List<CampaignMember> query(Connection c, String sql, long id) throws SQLException {
        List<CampaignMember> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long message = rs.getLong(8);
                    Long messageId = rs.wasNull() ? null : message;
                    rows.add(new CampaignMember(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), MemberState.valueOf(rs.getString(7)), messageId,
                            instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getInt(12), instant(rs, 13),
                            rs.getInt(14), rs.getBoolean(15), rs.getBoolean(16), rs.getString(17)));
                }
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void queued(Connection c, long memberId, MemberState state, Long messageId, Instant at, String error)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET STATE = ?, MESSAGE_ID = ?, "
                + "QUEUED_AT = ?, ERROR = ? WHERE ID = ?")) {
            ps.setString(1, state.name());
            if (messageId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, messageId);
            }
            ps.setTimestamp(3, at == null ? null : Timestamp.from(at));
            ps.setString(4, error.length() > 500 ? error.substring(0, 500) : error);
            ps.setLong(5, memberId);
            ps.executeUpdate();
        }
    }

    /** Moves a queued member on after the outbox's event (a later event never moves it back to QUEUED). */
    static int outboxState(Connection c, long messageId, MemberState state, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET STATE = ?, ERROR = ? "
                + "WHERE MESSAGE_ID = ? AND STATE = '" + MemberState.QUEUED.name() + "'")) {
            ps.setString(1, state.name());
            ps.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
            ps.setLong(3, messageId);
            return ps.executeUpdate();
        }
    }

    /** @return whether this was the member's first open */
    static boolean opened(Connection c, long memberId, Instant at) throws SQLException {
        return track(c, memberId, at, "OPENED_AT", "OPENS");
    }

    /** @return whether this was the member's first click */
    static boolean clicked(Connection c, long memberId, Instant at) throws SQLException {
        return track(c, memberId, at, "CLICKED_AT", "CLICKS");
    }

    private static boolean track(Connection c, long memberId, Instant at, String first, String count)
            throws SQLException {
        int firstTime;
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET " + first + " = ?, " + count
                + " = " + count + " + 1 WHERE ID = ? AND " + first + " IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, memberId);
            firstTime = ps.executeUpdate();
        }
        if (firstTime == 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET " + count + " = " + count
                    + " + 1 WHERE ID = ?")) {
                ps.setLong(1, memberId);
                ps.executeUpdate();
            }
        }
        return firstTime > 0;
    }

    /** @return whether the flag was not set before */
    static boolean flag(Connection c, long memberId, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET " + column + " = TRUE "
                + "WHERE ID = ? AND " + column + " = FALSE")) {
            ps.setLong(1, memberId);
            return ps.executeUpdate() > 0;
        }
    }

    static boolean deletePending(Connection c, long campaignId, long memberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_CAMPAIGN_MEMBER WHERE ID = ? AND CAMPAIGN_ID = ? "
                + "AND STATE = '" + MemberState.PENDING.name() + "'")) {
            ps.setLong(1, memberId);
            ps.setLong(2, campaignId);
            return ps.executeUpdate() > 0;
        }
    }

    static void delete(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ?")) {
            ps.setLong(1, campaignId);
            ps.executeUpdate();
        }
    }

    /** Moves a merged campaign's members to the survivor, but those whose address the survivor has. */
    static void move(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ? AND ADDRESS "
                + "IN (SELECT ADDRESS FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ?)")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN_MEMBER SET CAMPAIGN_ID = ? WHERE CAMPAIGN_ID = ?")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
    }

    /** @return the campaign's counts from its members, with its stored status */
    static CampaignResults results(Connection c, long campaignId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), "
                + "SUM(CASE WHEN STATE = 'PENDING' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN STATE IN ('QUEUED', 'SENT') THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN STATE = 'FAILED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN STATE = 'SKIPPED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN OPENED_AT IS NOT NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN CLICKED_AT IS NOT NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BOUNCED = TRUE THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN UNSUBSCRIBED = TRUE THEN 1 ELSE 0 END) "
                + "FROM CRM_CAMPAIGN_MEMBER WHERE CAMPAIGN_ID = ?")) {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CampaignResults(campaignId, status, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9));
            }
        }
    }

    /** Writes the counts onto the campaign's row (the record's result fields). */
    static CampaignResults writeResults(Connection c, long campaignId) throws SQLException {
        CampaignResults r = results(c, campaignId, status(c, campaignId).orElse(""));
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN SET RECIPIENTS = ?, SENT = ?, OPENED = ?, "
                + "CLICKED = ?, BOUNCED = ?, UNSUBSCRIBED = ? WHERE ID = ?")) {
            ps.setLong(1, r.recipients());
            ps.setLong(2, r.sent());
            ps.setLong(3, r.opened());
            ps.setLong(4, r.clicked());
            ps.setLong(5, r.bounced());
            ps.setLong(6, r.unsubscribed());
            ps.setLong(7, campaignId);
            ps.executeUpdate();
        }
        return r;
    }

    /** Adds one to a result column of the campaign (a first open, click, bounce or unsubscribe). */
    static void increment(Connection c, long campaignId, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN SET " + column + " = COALESCE(" + column
                + ", 0) + 1 WHERE ID = ?")) {
            ps.setLong(1, campaignId);
            ps.executeUpdate();
        }
    }

    static Optional<String> status(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM CRM_CAMPAIGN WHERE ID = ?")) {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1)).orElse("")) : Optional.empty();
            }
        }
    }

    static void setStatus(Connection c, long campaignId, String status, Instant scheduledAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(scheduledAt == null
                ? "UPDATE CRM_CAMPAIGN SET STATUS = ? WHERE ID = ?"
                : "UPDATE CRM_CAMPAIGN SET STATUS = ?, SCHEDULED_AT = ? WHERE ID = ?")) {
            ps.setString(1, status);
            if (scheduledAt == null) {
                ps.setLong(2, campaignId);
            } else {
                ps.setTimestamp(2, Timestamp.from(scheduledAt));
                ps.setLong(3, campaignId);
            }
            ps.executeUpdate();
        }
    }

    /** Starts a new campaign's results at zero. */
    static void zero(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CAMPAIGN SET RECIPIENTS = 0, SENT = 0, OPENED = 0, "
                + "CLICKED = 0, BOUNCED = 0, UNSUBSCRIBED = 0 WHERE ID = ?")) {
            ps.setLong(1, campaignId);
            ps.executeUpdate();
        }
    }

    static Optional<String> secret(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SEALED FROM CRM_CAMPAIGN_SECRET WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void insertSecret(Connection c, String name, String sealed, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_CAMPAIGN_SECRET (NAME, SEALED, CREATED_AT) "
                + "VALUES (?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, sealed);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
