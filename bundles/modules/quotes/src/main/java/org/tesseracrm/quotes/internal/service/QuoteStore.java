package org.tesseracrm.quotes.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The module's own SQL, run on the connection of the record change or service call it belongs to. */
final class QuoteStore {
    /** The row of {@code QUOTE_NUMBER_SEQ} whose lock makes the first number of a year one transaction's. */
    static final int LOCK_ROW = 0;

    private QuoteStore() {
    }

    /**
     * Takes the next number of a year: the year's row is locked by the update until the transaction ends, so two
     * transactions never get the same number (the unique constraint on number and revision backs this up). The
     * first number of a year inserts the year's row under the lock of row {@value #LOCK_ROW}, so two transactions
     * starting a year do not both insert it.
     *
     * @param c the change's connection
     * @param year the year
     * @return the year's next number, from 1
     * @throws SQLException on a database failure
     */
    static long nextNumber(Connection c, int year) throws SQLException {
        if (bump(c, year)) {
            return last(c, year);
        }
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE QUOTE_NUMBER_SEQ SET LAST_NUMBER = LAST_NUMBER WHERE SEQ_YEAR = ?")) {
            lock.setInt(1, LOCK_ROW); // inserted by the changelog
            lock.executeUpdate();
        }
        if (!bump(c, year)) {
            insert(c, year, 1);
        }
        return last(c, year);
    }

    private static boolean bump(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE QUOTE_NUMBER_SEQ SET LAST_NUMBER = LAST_NUMBER + 1 WHERE SEQ_YEAR = ?")) {
            ps.setInt(1, year);
            return ps.executeUpdate() == 1;
        }
    }

    private static void insert(Connection c, int year, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO QUOTE_NUMBER_SEQ (SEQ_YEAR, LAST_NUMBER) VALUES (?, ?)")) {
            ps.setInt(1, year);
            ps.setLong(2, last);
            ps.executeUpdate();
        }
    }

    private static long last(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_NUMBER FROM QUOTE_NUMBER_SEQ WHERE SEQ_YEAR = ?")) {
            ps.setInt(1, year);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Gives a new quote its number and revision.
     *
     * @param c the change's connection
     * @param id the quote
     * @param number its number
     * @param revision its revision
     * @throws SQLException on a database failure (a taken number and revision: the unique constraint)
     */
    static void setNumber(Connection c, long id, String number, int revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CRM_QUOTE SET QUOTE_NUMBER = ?, REVISION = ? WHERE ID = ?")) {
            ps.setString(1, number);
            ps.setInt(2, revision);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Sets a text or pick-list column of a quote (status, currency) in the change that made it.
     *
     * @param c the change's connection
     * @param id the quote
     * @param column the column, one of the module's
     * @param value the value
     * @throws SQLException on a database failure
     */
    static void setText(Connection c, long id, String column, String value) throws SQLException {
        if (!java.util.Set.of("STATUS", "CURRENCY").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_QUOTE SET " + column + " = ? WHERE ID = ?")) {
            ps.setString(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Takes a deleted quote out of its neighbours' revision links.
     *
     * @param c the delete's connection
     * @param id the deleted quote
     * @throws SQLException on a database failure
     */
    static void unlink(Connection c, long id) throws SQLException {
        try (PreparedStatement next = c.prepareStatement("UPDATE CRM_QUOTE SET NEXT_ID = NULL WHERE NEXT_ID = ?");
                PreparedStatement previous = c.prepareStatement(
                        "UPDATE CRM_QUOTE SET PREVIOUS_ID = NULL WHERE PREVIOUS_ID = ?")) {
            next.setLong(1, id);
            next.executeUpdate();
            previous.setLong(1, id);
            previous.executeUpdate();
        }
    }
}
