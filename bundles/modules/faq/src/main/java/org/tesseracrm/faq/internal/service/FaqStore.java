package org.tesseracrm.faq.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.api.persistence.ModuleSql;

/** The module's own SQL (word index, links to cases, times used), on the connection of the change or service call. */
final class FaqStore {
    private FaqStore() {
    }

    /** Replaces a FAQ's indexed words. */
    static void index(Connection c, long faqId, Collection<String> words) throws SQLException {
        forget(c, "FAQ_WORD", faqId);
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO FAQ_WORD (WORD, FAQ_ID) VALUES (?, ?)")) {
            for (String word : words) {
                insert.setString(1, word);
                insert.setLong(2, faqId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Deletes a deleted FAQ's words and links. */
    static void forget(Connection c, long faqId) throws SQLException {
        forget(c, "FAQ_WORD", faqId);
        forget(c, "FAQ_CASE", faqId);
    }

    private static void forget(Connection c, String table, long faqId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE FAQ_ID = ?")) {
            delete.setLong(1, faqId);
            delete.executeUpdate();
        }
    }

    /**
     * @param words the words looked for, at least one
     * @param limit the most wanted
     * @return the published FAQs holding any of the words, with how many and their times used, best first
     */
    static List<FaqRanking.Candidate> matching(Connection c, Collection<String> words, int limit) throws SQLException {
        List<Object> params = new ArrayList<>(words);
        params.add(FaqFields.PUBLISHED);
        params.add(limit);
        String sql = "SELECT W.FAQ_ID, COUNT(*), COALESCE(F.TIMES_USED, 0) FROM FAQ_WORD W JOIN CRM_FAQ F ON F.ID ="
                + " W.FAQ_ID WHERE W.WORD IN (" + ModuleSql.placeholders(words.size()) + ") AND F.STATUS = ?"
                + " GROUP BY W.FAQ_ID, F.TIMES_USED ORDER BY 2 DESC, 3 DESC, 1 FETCH FIRST ? ROWS ONLY";
        List<FaqRanking.Candidate> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            ModuleSql.bind(select, params);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new FaqRanking.Candidate(rs.getLong(1), rs.getInt(2), rs.getLong(3)));
                }
            }
        }
        return found;
    }

    /** @return the FAQs attached to the case, first attached first */
    static List<Long> attached(Connection c, long caseId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT FAQ_ID FROM FAQ_CASE WHERE CASE_ID = ? ORDER BY ATTACHED_AT, FAQ_ID")) {
            select.setLong(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Links a FAQ to a case once, and counts the FAQ's cases again.
     *
     * @return true if linked now, false if it already was
     */
    static boolean link(Connection c, long faqId, long caseId, String user, Instant at) throws SQLException {
        if (linked(c, faqId, caseId)) {
            return false;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO FAQ_CASE (FAQ_ID, CASE_ID, ATTACHED_BY, ATTACHED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, faqId);
            insert.setLong(2, caseId);
            insert.setString(3, user);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
        recount(c, faqId);
        return true;
    }

    /**
     * Takes a FAQ off a case and counts the FAQ's cases again.
     *
     * @return true if it was linked
     */
    static boolean unlink(Connection c, long faqId, long caseId) throws SQLException {
        int deleted;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM FAQ_CASE WHERE FAQ_ID = ? AND CASE_ID = ?")) {
            delete.setLong(1, faqId);
            delete.setLong(2, caseId);
            deleted = delete.executeUpdate();
        }
        recount(c, faqId);
        return deleted > 0;
    }

    private static boolean linked(Connection c, long faqId, long caseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM FAQ_CASE WHERE FAQ_ID = ? AND CASE_ID = ?")) {
            select.setLong(1, faqId);
            select.setLong(2, caseId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sets the FAQ's times used to the number of cases it is attached to. */
    static void recount(Connection c, long faqId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE CRM_FAQ SET TIMES_USED = (SELECT COUNT(*) FROM"
                + " FAQ_CASE WHERE FAQ_ID = ?) WHERE ID = ?")) {
            update.setLong(1, faqId);
            update.setLong(2, faqId);
            update.executeUpdate();
        }
    }

    /** Writes the cleaned answer of a FAQ in the change that saved it. */
    static void setAnswer(Connection c, long faqId, String answer) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE CRM_FAQ SET ANSWER = ? WHERE ID = ?")) {
            update.setString(1, answer);
            update.setLong(2, faqId);
            update.executeUpdate();
        }
    }

    /** Sets a new FAQ's times used to zero (the platform writes no value for it). */
    static void startCount(Connection c, long faqId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE CRM_FAQ SET TIMES_USED = 0 WHERE ID = ?")) {
            update.setLong(1, faqId);
            update.executeUpdate();
        }
    }
}
