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
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

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

    /** @param pool the pooled CRM database */
    @Activate
    public ScopedDataSource(@Reference(target = POOL_FILTER) DataSource pool) {
        this.pool = pool;
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
