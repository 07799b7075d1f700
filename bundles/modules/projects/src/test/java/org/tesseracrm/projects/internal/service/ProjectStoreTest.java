package org.tesseracrm.projects.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.projects.api.ProjectMember;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class ProjectStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
    private static final TaskColumns ACTIVITIES = new TaskColumns("T_ACTIVITY", "KIND", "DONE", "RELATED_TYPE",
            "RELATED_ID");
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:projects" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/projects.yaml", new ClassLoaderResourceAccessor(), database)
                .update(new Contexts());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // the activities' columns as their module's changelog makes them
            s.execute("CREATE TABLE T_ACTIVITY (ID BIGINT PRIMARY KEY, KIND VARCHAR(20) NOT NULL, DONE BOOLEAN"
                    + " DEFAULT FALSE NOT NULL, RELATED_TYPE VARCHAR(50) DEFAULT '' NOT NULL, RELATED_ID BIGINT)");
        }
    }

    @Test
    void tasksAreCountedPerProjectInOneQuery() throws SQLException {
        activity(1, "task", true, "project", 7);
        activity(2, "task", false, "project", 7);
        activity(3, "task", false, "project", 7);
        activity(4, "task", false, "project", 7);
        activity(5, "call", true, "project", 7);
        activity(6, "task", true, "case", 7);
        activity(7, "task", true, "project", 8);
        Map<Long, ProjectStore.Tasks> tasks = ProjectStore.tasks(c, ACTIVITIES, List.of(7L, 8L, 9L));
        assertEquals(new ProjectStore.Tasks(4, 1), tasks.get(7L), "calls and other records' tasks are left out");
        assertEquals(new ProjectStore.Tasks(1, 1), tasks.get(8L));
        assertFalse(tasks.containsKey(9L), "no tasks, no counts");
        assertEquals(25, ProjectRules.progress(4, 1).orElseThrow().percent());
    }

    @Test
    void membersAreAddedOnceTheirRoleChangedAndTheyShareTheirProjectsByNumber() throws SQLException {
        project(7);
        project(8);
        assertTrue(ProjectStore.putMember(c, 7, "ana", "", "admin", NOW));
        assertFalse(ProjectStore.putMember(c, 7, "ana", "Consultant", "admin", NOW), "a member again: the role");
        assertTrue(ProjectStore.putMember(c, 8, "ana", "", "admin", NOW));
        assertTrue(ProjectStore.putMember(c, 7, "bob", "Lead", "admin", NOW));
        assertEquals(List.of(new ProjectMember("ana", "Consultant", "admin", NOW), new ProjectMember("bob", "Lead",
                "admin", NOW)), ProjectStore.members(c, 7));
        assertEquals(Set.of("PRJ-7", "PRJ-8"), ProjectStore.memberOf(c, "ana"));
        assertEquals(Set.of("PRJ-7"), ProjectStore.memberOf(c, "bob"));
        assertTrue(ProjectStore.removeMember(c, 7, "ana"));
        assertFalse(ProjectStore.removeMember(c, 7, "ana"));
        assertEquals(Set.of("PRJ-8"), ProjectStore.memberOf(c, "ana"));
        assertEquals("PRJ-7", number(7), "the number is the prefix and the id");
    }

    @Test
    void linksAreKeptOnceAndGoWithTheRecordOrTheProject() throws SQLException {
        project(7);
        assertTrue(ProjectStore.link(c, 7, new ProjectStore.Link("case", 3), "admin", NOW));
        assertFalse(ProjectStore.link(c, 7, new ProjectStore.Link("case", 3), "admin", NOW));
        assertTrue(ProjectStore.link(c, 7, new ProjectStore.Link("quote", 3), "admin", NOW));
        assertTrue(ProjectStore.link(c, 7, new ProjectStore.Link("case", 4), "admin", NOW));
        assertEquals(3, ProjectStore.linkCount(c, 7));
        ProjectStore.forgetRecord(c, "case", 3);
        assertEquals(List.of(new ProjectStore.Link("case", 4), new ProjectStore.Link("quote", 3)),
                ProjectStore.links(c, 7));
        assertTrue(ProjectStore.unlink(c, 7, new ProjectStore.Link("quote", 3)));
        assertEquals(Set.of(7L), ProjectStore.existing(c, "CRM_PROJECT", List.of(7L, 99L)));
        ProjectStore.putMember(c, 7, "ana", "", "admin", NOW);
        ProjectStore.forgetProject(c, 7);
        assertEquals(List.of(), ProjectStore.links(c, 7));
        assertEquals(List.of(), ProjectStore.members(c, 7));
    }

    @Test
    void aMergedProjectsMembersAndLinksMoveToTheSurvivorOnce() throws SQLException {
        project(7);
        project(8);
        ProjectStore.putMember(c, 7, "ana", "Lead", "admin", NOW);
        ProjectStore.putMember(c, 8, "ana", "", "admin", NOW);
        ProjectStore.putMember(c, 8, "bob", "", "admin", NOW);
        ProjectStore.link(c, 8, new ProjectStore.Link("case", 3), "admin", NOW);
        ProjectStore.moveProject(c, 8, 7);
        assertEquals(List.of("ana", "bob"), ProjectStore.members(c, 7).stream().map(ProjectMember::username)
                .toList());
        assertEquals("Lead", ProjectStore.members(c, 7).get(0).role(), "the survivor's role stays");
        assertEquals(List.of(new ProjectStore.Link("case", 3)), ProjectStore.links(c, 7));
        assertEquals(List.of(), ProjectStore.members(c, 8));
    }

    @Test
    void theProjectsOfAMergedRecordFollowTheRecordThatStays() throws SQLException {
        ProjectStore.link(c, 7, new ProjectStore.Link("company", 3), "admin", NOW);
        ProjectStore.link(c, 8, new ProjectStore.Link("company", 3), "admin", NOW);
        ProjectStore.link(c, 8, new ProjectStore.Link("company", 4), "admin", NOW);
        ProjectStore.moveRecord(c, "company", 3, 4);
        assertEquals(List.of(new ProjectStore.Link("company", 4)), ProjectStore.links(c, 7));
        assertEquals(List.of(new ProjectStore.Link("company", 4)), ProjectStore.links(c, 8), "once per project");
    }

    private void project(long id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_PROJECT (ID, NAME, OWNER, CREATED_AT,"
                + " UPDATED_AT, VERSION) VALUES (?, ?, 'admin', ?, ?, 1)")) {
            insert.setLong(1, id);
            insert.setString(2, "P" + id);
            insert.setTimestamp(3, Timestamp.from(NOW));
            insert.setTimestamp(4, Timestamp.from(NOW));
            insert.executeUpdate();
        }
        ProjectStore.keepNumber(c, id);
    }

    private String number(long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT NUMBER FROM CRM_PROJECT WHERE ID = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void activity(long id, String kind, boolean done, String type, long relatedId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO T_ACTIVITY (ID, KIND, DONE, RELATED_TYPE,"
                + " RELATED_ID) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, kind);
            insert.setBoolean(3, done);
            insert.setString(4, type);
            insert.setLong(5, relatedId);
            insert.executeUpdate();
        }
    }
}
