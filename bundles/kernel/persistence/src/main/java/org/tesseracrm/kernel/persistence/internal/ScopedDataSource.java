package org.tesseracrm.kernel.persistence.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The CRM database as code sees it ({@code osgi.jndi.service.name=crm}): the pax-jdbc pool
 * ({@value #POOL_FILTER}) behind a thread-bound {@link TransactionScope}. Inside a scope every
 * {@link #getConnection()} hands out the scope's connection, wrapped so that the caller's commit,
 * rollback and close leave the transaction to the scope; outside one it hands out a pool connection
 * as it is. Persistence units name this DataSource, so JPA work joins the scope like JDBC work.
 */
@Component(service = {TransactionScope.class, DataSource.class}, property = "osgi.jndi.service.name=crm")
public final class ScopedDataSource implements TransactionScope, DataSource {
    /** The pool configured in {@code etc/org.ops4j.datasource-crm.cfg}. */
    static final String POOL_FILTER = "(osgi.jndi.service.name=crm-pool)";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ScopedDataSource.class);

    private final DataSource pool;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();
    /** Guards {@link #idConnection}: one id block at a time, each committed at once. */
    private final Object idLock = new Object();
    /** Kept for {@link #reserveIds}, out of the pool's reach; null until opened or after it failed. */
    private Connection idConnection;
    /** Whether {@link #idConnection} is PostgreSQL's, which waits for a lock without end unless told. */
    private boolean idsOnPostgres;
    /** False for a refused database: then no id is taken, and nothing opens it. */
    private final boolean idsAllowed;

    /**
     * Opens the ids' connection now, while the pool is idle: opened on first use, a busy pool could make the
     * first id wait for a connection that the waiting creates themselves hold. Not for a database that
     * {@link DatabaseLocation} refuses: opening it could create it where nothing may.
     *
     * @param context this bundle's context, for the framework properties the location check reads
     * @param pool the pooled CRM database with its service properties
     */
    @Activate
    public ScopedDataSource(BundleContext context, @Reference(service = DataSource.class, target = POOL_FILTER)
            Map.Entry<Map<String, Object>, DataSource> pool) {
        this(pool.getValue(), DatabaseLocation.refusal(pool.getKey(), context::getProperty).isEmpty());
    }

    /** @param pool a database to use as it is (tests), its ids' connection opened at once */
    public ScopedDataSource(DataSource pool) {
        this(pool, true);
    }

    private ScopedDataSource(DataSource pool, boolean openIds) {
        this.pool = pool;
        this.idsAllowed = openIds;
        if (openIds) {
            synchronized (idLock) {
                try {
                    idConnection = openIdConnection();
                } catch (SQLException e) {
                    LOG.warn("The connection for ids could not be opened yet; the first id block opens it", e);
                }
            }
        }
    }

    /** Gives the ids' connection back to the pool. */
    @Deactivate
    void close() {
        synchronized (idLock) {
            dropIdConnection();
        }
    }

    @Override
    public long reserveIds(IdGenerator ids, int count) {
        synchronized (idLock) {
            try {
                if (idConnection == null) {
                    if (!idsAllowed) {
                        throw new CrmException("Tessera refuses to use the configured database; see the log.");
                    }
                    idConnection = openIdConnection();
                }
                try {
                    if (idsOnPostgres) {
                        // a generator row held by a transaction (see reserveIds' contract) fails here instead of
                        // waiting without end; Derby's own lock timeout does the same. LOCAL: until this commit
                        try (var s = idConnection.createStatement()) {
                            s.execute("SET LOCAL lock_timeout = '30s'");
                        }
                    }
                    long first = ModuleSql.reserveIds(idConnection, ids, count);
                    idConnection.commit();
                    return first;
                } catch (SQLException | RuntimeException e) {
                    rollback(idConnection, e);
                    dropIdConnection(); // a broken connection is replaced on the next call
                    throw e;
                }
            } catch (SQLException e) {
                throw new CrmException("The database refused the change: " + e.getMessage(), e);
            }
        }
    }

    private Connection openIdConnection() throws SQLException {
        Connection c = pool.getConnection();
        try {
            c.setAutoCommit(false);
            idsOnPostgres = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void dropIdConnection() {
        if (idConnection != null) {
            try {
                idConnection.setAutoCommit(true);
                idConnection.close();
            } catch (SQLException e) {
                LOG.debug("The connection for ids did not close cleanly", e);
            }
            idConnection = null;
        }
    }

    @Override
    public <T> T required(ModuleSql.Work<T> work) {
        Scope scope = current.get();
        return scope == null ? inNewScope(work) : scope.run(work);
    }

    @Override
    public <T> T requiresNew(ModuleSql.Work<T> work) {
        return inNewScope(work);
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable task) {
        Scope scope = current.get();
        if (scope == null) {
            runGuarded(task);
        } else {
            scope.afterCommit.add(task);
        }
    }

    private <T> T inNewScope(ModuleSql.Work<T> work) {
        Scope outer = current.get();
        Scope scope;
        try (Connection raw = pool.getConnection()) {
            raw.setAutoCommit(false);
            scope = new Scope(raw);
            current.set(scope);
            T result;
            try {
                result = scope.run(work);
                if (scope.rollbackOnly) {
                    throw new CrmException("The change was not saved because part of it failed. Try again;"
                            + " if it fails again, ask your administrator to look at the log.");
                }
                raw.commit();
            } catch (RuntimeException | Error e) {
                rollback(raw, e);
                throw e;
            } finally {
                current.set(outer);
                raw.setAutoCommit(true);
            }
            scope.afterCommit.forEach(ScopedDataSource::runGuarded);
            return result;
        } catch (SQLException e) {
            throw new CrmException("The database refused the change: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection raw, Throwable cause) {
        try {
            raw.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("A task after commit failed; the change itself is saved", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Scope scope = current.get();
        return scope == null ? pool.getConnection() : scope.shared;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The CRM database has one configured user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }

    /** One thread's open transaction. */
    private static final class Scope {
        private final Connection shared;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private boolean rollbackOnly;

        Scope(Connection raw) {
            this.shared = (Connection) Proxy.newProxyInstance(ScopedDataSource.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Joined(raw, this));
        }

        <T> T run(ModuleSql.Work<T> work) {
            try {
                return work.run(shared);
            } catch (SQLException e) {
                rollbackOnly = true;
                throw new CrmException("The database refused the change: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                rollbackOnly = true;
                throw e;
            }
        }
    }

    /**
     * The scope's connection as its users see it: ending the transaction or the connection is the
     * scope's business, so commit, close and auto-commit changes do nothing, and a rollback marks
     * the scope to roll back at its end.
     */
    private record Joined(Connection raw, Scope scope) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close", "commit", "setAutoCommit", "setTransactionIsolation", "setReadOnly":
                    return null;
                case "getAutoCommit", "isClosed":
                    return false;
                case "rollback":
                    if (args == null) {
                        scope.rollbackOnly = true;
                        return null;
                    }
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    break;
            }
            try {
                return method.invoke(raw, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
