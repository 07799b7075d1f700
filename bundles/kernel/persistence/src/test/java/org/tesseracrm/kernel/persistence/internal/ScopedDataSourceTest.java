package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;

class ScopedDataSourceTest {
    private EmbeddedDataSource derby;
    private ScopedDataSource scope;

    @BeforeEach
    void database() throws SQLException {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:scope" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (V INT)");
        }
        scope = new ScopedDataSource(derby);
    }

    @Test
    void everyConnectionInAScopeIsTheScopesAndCommitsOnceAtTheEnd() throws SQLException {
        scope.required(c -> {
            insert(c, 1);
            ModuleSql.inTransaction(scope, inner -> {
                assertSame(c, inner);
                return insert(inner, 2);
            });
            return null;
        });
        assertEquals(2, countOutside());
        assertFalse(scope.active());
    }

    @Test
    void aFailureAnywhereRollsBackEverythingTheScopeWrote() throws SQLException {
        assertThrows(IllegalStateException.class, () -> scope.required(c -> {
            insert(c, 1);
            ModuleSql.update(scope, "INSERT INTO T VALUES (?)", List.of(2));
            throw new IllegalStateException("participant refuses");
        }));
        assertEquals(0, countOutside());
    }

    @Test
    void anInnerFailureThatIsCaughtStillRollsTheScopeBack() throws SQLException {
        CrmException refused = assertThrows(CrmException.class, () -> scope.required(c -> {
            insert(c, 1);
            try {
                ModuleSql.update(scope, "INSERT INTO NO_SUCH_TABLE VALUES (?)", List.of(2));
            } catch (CrmException ignored) {
                // the caller carries on, but the transaction must not commit half
            }
            return null;
        }));
        assertTrue(refused.getMessage().contains("not saved"), refused.getMessage());
        assertEquals(0, countOutside());
    }

    @Test
    void afterCommitTasksRunOnlyOnCommit() {
        List<String> ran = new ArrayList<>();
        scope.required(c -> {
            scope.afterCommit(() -> ran.add("committed"));
            assertTrue(ran.isEmpty(), "not before the commit");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> scope.required(c -> {
            scope.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("no");
        }));
        scope.afterCommit(() -> ran.add("outside"));
        assertEquals(List.of("committed", "outside"), ran);
    }

    @Test
    void requiresNewCommitsWhateverTheCallerDoesLater() throws SQLException {
        assertThrows(IllegalStateException.class, () -> scope.required(c -> {
            insert(c, 1);
            scope.requiresNew(own -> insert(own, 2));
            throw new IllegalStateException("caller fails");
        }));
        assertEquals(1, countOutside());
    }

    @Test
    void outsideAScopeConnectionsAreThePoolsOwn() throws SQLException {
        try (Connection c = scope.getConnection()) {
            assertTrue(c.getAutoCommit());
            insert(c, 7);
        }
        assertEquals(1, countOutside());
    }

    private static int insert(Connection c, int value) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO T VALUES (" + value + ")");
        }
    }

    private int countOutside() throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
