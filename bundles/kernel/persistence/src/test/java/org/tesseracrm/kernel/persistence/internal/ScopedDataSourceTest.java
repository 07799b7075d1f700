package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

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

    @Test
    void asManyScopesAsThePoolHasConnectionsStillTakeTheirIds() throws Exception {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T_IDS (NAME VARCHAR(30) NOT NULL PRIMARY KEY, NEXT_ID BIGINT NOT NULL)");
            s.execute("INSERT INTO T_IDS VALUES ('t', 0)");
        }
        int scopes = 3;
        // the pool: the ids' connection, opened by the scope at once, and one connection for each scope
        Semaphore connections = new Semaphore(scopes + 1);
        DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.invoke(derby, args);
                    }
                    if (!connections.tryAcquire(20, TimeUnit.SECONDS)) {
                        throw new SQLException("the pool has no free connection");
                    }
                    Connection raw = derby.getConnection();
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                if (m.getName().equals("close")) {
                                    connections.release();
                                }
                                return m.invoke(raw, a);
                            });
                });
        ScopedDataSource bounded = new ScopedDataSource(pool);
        IdGenerator ids = new IdGenerator("T_IDS", "NAME", "NEXT_ID", "t");
        CyclicBarrier allInScopes = new CyclicBarrier(scopes);
        ExecutorService threads = Executors.newFixedThreadPool(scopes);
        try {
            List<Future<Long>> firsts = new ArrayList<>();
            for (int i = 0; i < scopes; i++) {
                // every scope holds its connection before any takes ids: with a second pool connection for the ids
                // (requiresNew), all would wait for one that none gives back
                firsts.add(threads.submit(() -> bounded.required(c -> {
                    insert(c, 1);
                    await(allInScopes);
                    return bounded.reserveIds(ids, 5);
                })));
            }
            Set<Long> taken = new HashSet<>();
            for (Future<Long> first : firsts) {
                taken.add(first.get(60, TimeUnit.SECONDS));
            }
            assertEquals(Set.of(1L, 6L, 11L), taken);
        } finally {
            threads.shutdownNow();
            bounded.close();
        }
        assertEquals(scopes + 1, connections.availablePermits(), "every connection back in the pool");
        assertEquals(scopes, countOutside());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
