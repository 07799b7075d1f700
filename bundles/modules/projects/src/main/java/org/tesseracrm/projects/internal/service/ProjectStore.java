package org.tesseracrm.projects.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.ProjectMember;

/**
 * The module's own SQL (members, links, numbers, task counts), on the connection of the change or service call.
 * Table and column names of other types come from their record type definitions, never from a caller.
 */
final class ProjectStore {
    private ProjectStore() {
    }

    /** A linked record, as stored. */
    record Link(String recordType, long recordId) {
    }

    /** Task counts of one project. */
    record Tasks(long all, long done) {
    }

    /** Sets a project's number (its prefix and id) if it differs. */
    static void keepNumber(Connection c, long projectId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + ProjectRecordType.TABLE + " SET NUMBER = ? WHERE ID = ? AND NUMBER <> ?")) {
            String number = ProjectFields.number(projectId);
            update.setString(1, number);
            update.setLong(2, projectId);
            update.setString(3, number);
            update.executeUpdate();
        }
    }

    /** @return the numbers of the projects the user is a member of */
    static Set<String> memberOf(Connection c, String username) throws SQLException {
        Set<String> numbers = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT PROJECT_ID FROM PROJECT_MEMBER WHERE USERNAME = ?")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    numbers.add(ProjectFields.number(rs.getLong(1)));
                }
            }
        }
        return numbers;
    }

    static List<ProjectMember> members(Connection c, long projectId) throws SQLException {
        List<ProjectMember> members = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT USERNAME, MEMBER_ROLE, ADDED_BY, ADDED_AT FROM"
                + " PROJECT_MEMBER WHERE PROJECT_ID = ? ORDER BY USERNAME")) {
            select.setLong(1, projectId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    members.add(new ProjectMember(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return members;
    }

    static int memberCount(Connection c, long projectId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM PROJECT_MEMBER WHERE PROJECT_ID = ?", projectId);
    }

    /** @return true if added, false if the role of a member was set */
    static boolean putMember(Connection c, long projectId, String username, String role, String by, Instant at)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE PROJECT_MEMBER SET MEMBER_ROLE = ? WHERE PROJECT_ID = ? AND USERNAME = ?")) {
            update.setString(1, role);
            update.setLong(2, projectId);
            update.setString(3, username);
            if (update.executeUpdate() > 0) {
                return false;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO PROJECT_MEMBER (PROJECT_ID, USERNAME,"
                + " MEMBER_ROLE, ADDED_BY, ADDED_AT) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, projectId);
            insert.setString(2, username);
            insert.setString(3, role);
            insert.setString(4, by);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
        return true;
    }

    static boolean removeMember(Connection c, long projectId, String username) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM PROJECT_MEMBER WHERE PROJECT_ID = ? AND USERNAME = ?")) {
            delete.setLong(1, projectId);
            delete.setString(2, username);
            return delete.executeUpdate() > 0;
        }
    }

    /** @return the project's links, by type then id */
    static List<Link> links(Connection c, long projectId) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT RECORD_TYPE, RECORD_ID FROM PROJECT_LINK"
                + " WHERE PROJECT_ID = ? ORDER BY RECORD_TYPE, RECORD_ID")) {
            select.setLong(1, projectId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return links;
    }

    static int linkCount(Connection c, long projectId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM PROJECT_LINK WHERE PROJECT_ID = ?", projectId);
    }

    /** @return true if linked now, false if it already was */
    static boolean link(Connection c, long projectId, Link link, String by, Instant at) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM PROJECT_LINK WHERE PROJECT_ID = ?"
                + " AND RECORD_TYPE = ? AND RECORD_ID = ?")) {
            select.setLong(1, projectId);
            select.setString(2, link.recordType());
            select.setLong(3, link.recordId());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO PROJECT_LINK (PROJECT_ID, RECORD_TYPE,"
                + " RECORD_ID, LINKED_BY, LINKED_AT) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, projectId);
            insert.setString(2, link.recordType());
            insert.setLong(3, link.recordId());
            insert.setString(4, by);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
        return true;
    }

    static boolean unlink(Connection c, long projectId, Link link) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM PROJECT_LINK WHERE PROJECT_ID = ?"
                + " AND RECORD_TYPE = ? AND RECORD_ID = ?")) {
            delete.setLong(1, projectId);
            delete.setString(2, link.recordType());
            delete.setLong(3, link.recordId());
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the links of every project to a deleted record. */
    static void forgetRecord(Connection c, String recordType, long recordId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM PROJECT_LINK WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
            delete.setString(1, recordType);
            delete.setLong(2, recordId);
            delete.executeUpdate();
        }
    }

    /** Points the links to a merged record at the record that stays (once per project), then drops the rest. */
    static void moveRecord(Connection c, String recordType, long from, long to) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE PROJECT_LINK SET RECORD_ID = ? WHERE RECORD_TYPE"
                + " = ? AND RECORD_ID = ? AND PROJECT_ID NOT IN (SELECT O.PROJECT_ID FROM PROJECT_LINK O WHERE"
                + " O.RECORD_TYPE = ? AND O.RECORD_ID = ?)")) {
            update.setLong(1, to);
            update.setString(2, recordType);
            update.setLong(3, from);
            update.setString(4, recordType);
            update.setLong(5, to);
            update.executeUpdate();
        }
        forgetRecord(c, recordType, from);
    }

    /** Deletes a deleted project's members and links. */
    static void forgetProject(Connection c, long projectId) throws SQLException {
        for (String table : List.of("PROJECT_MEMBER", "PROJECT_LINK")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE PROJECT_ID = ?")) {
                delete.setLong(1, projectId);
                delete.executeUpdate();
            }
        }
    }

    /** Moves a merged project's members and links to the survivor, once each. */
    static void moveProject(Connection c, long from, long to) throws SQLException {
        move(c, "INSERT INTO PROJECT_MEMBER (PROJECT_ID, USERNAME, MEMBER_ROLE, ADDED_BY, ADDED_AT) SELECT ?,"
                + " M.USERNAME, M.MEMBER_ROLE, M.ADDED_BY, M.ADDED_AT FROM PROJECT_MEMBER M WHERE M.PROJECT_ID = ?"
                + " AND NOT EXISTS (SELECT 1 FROM PROJECT_MEMBER O WHERE O.PROJECT_ID = ? AND O.USERNAME ="
                + " M.USERNAME)", from, to);
        move(c, "INSERT INTO PROJECT_LINK (PROJECT_ID, RECORD_TYPE, RECORD_ID, LINKED_BY, LINKED_AT) SELECT ?,"
                + " L.RECORD_TYPE, L.RECORD_ID, L.LINKED_BY, L.LINKED_AT FROM PROJECT_LINK L WHERE L.PROJECT_ID = ?"
                + " AND NOT EXISTS (SELECT 1 FROM PROJECT_LINK O WHERE O.PROJECT_ID = ? AND O.RECORD_TYPE ="
                + " L.RECORD_TYPE AND O.RECORD_ID = L.RECORD_ID)", from, to);
        forgetProject(c, from);
    }

    private static void move(Connection c, String sql, long from, long to) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, to);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.executeUpdate();
        }
    }

    /**
     * @param table a registered record type's table
     * @param ids ids of that type
     * @return those of the ids that are rows of the table
     */
    static Set<Long> existing(Connection c, String table, Collection<Long> ids) throws SQLException {
        Set<Long> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT ID FROM " + table + " WHERE ID IN ("
                + ModuleSql.placeholders(ids.size()) + ")")) {
            ModuleSql.bind(select, List.copyOf(ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    /**
     * Counts the tasks of projects in the activities' table, all and done, in one grouped query.
     *
     * @param activities the columns of the activity record type
     * @param projectIds the projects, at least one
     * @return the counts of each project that has tasks
     */
    static Map<Long, Tasks> tasks(Connection c, TaskColumns activities, Collection<Long> projectIds)
            throws SQLException {
        Map<Long, long[]> counts = new HashMap<>();
        String sql = "SELECT " + activities.relatedId() + ", " + activities.done() + ", COUNT(*) FROM "
                + activities.table() + " WHERE " + activities.relatedType() + " = ? AND " + activities.kind()
                + " = ? AND " + activities.relatedId() + " IN (" + ModuleSql.placeholders(projectIds.size())
                + ") GROUP BY " + activities.relatedId() + ", " + activities.done();
        List<Object> params = new ArrayList<>();
        params.add(ProjectFields.RECORD_TYPE);
        params.add(TaskColumns.TASK);
        params.addAll(projectIds);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            ModuleSql.bind(select, params);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long[] count = counts.computeIfAbsent(rs.getLong(1), id -> new long[2]);
                    count[0] += rs.getLong(3);
                    if (rs.getBoolean(2)) {
                        count[1] += rs.getLong(3);
                    }
                }
            }
        }
        Map<Long, Tasks> tasks = new HashMap<>();
        counts.forEach((id, count) -> tasks.put(id, new Tasks(count[0], count[1])));
        return tasks;
    }

    private static int count(Connection c, String sql, long projectId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, projectId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
