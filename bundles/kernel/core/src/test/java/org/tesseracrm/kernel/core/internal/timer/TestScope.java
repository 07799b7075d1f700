package org.tesseracrm.kernel.core.internal.timer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

/**
 * A thread-bound transaction scope over a test database, as the kernel's ScopedDataSource does it: inside
 * {@link #required}, {@link #dataSource()} hands out the scope's connection, whose commit, rollback and close
 * are left to the scope.
 */
final class TestScope implements TransactionScope {
    private static final Set<String> LEFT_TO_THE_SCOPE = Set.of("close", "commit", "rollback", "setAutoCommit");

    private final DataSource raw;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<java.util.List<Runnable>> committed = ThreadLocal.withInitial(java.util.ArrayList::new);
    private final DataSource scoped;

    TestScope(DataSource raw) {
        this.raw = raw;
        this.scoped = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Connection joined = current.get();
                    if (method.getName().equals("getConnection") && joined != null) {
                        return joined(joined);
                    }
                    return invoke(method, raw, args);
                });
    }

    /** @return the DataSource whose connections join the current scope */
    DataSource dataSource() {
        return scoped;
    }

    @Override
    public <T> T required(ModuleSql.Work<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection c = raw.getConnection()) {
                c.setAutoCommit(false);
                current.set(c);
                try {
                    T result = work.run(c);
                    c.commit();
                    current.remove();
                    committed.get().forEach(Runnable::run);
                    return result;
                } catch (RuntimeException | Error | SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    current.remove();
                    committed.remove();
                }
            }
        } catch (SQLException e) {
            throw new CrmException("The database refused the change: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T requiresNew(ModuleSql.Work<T> work) {
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new CrmException("The database refused the change: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable task) {
        if (current.get() == null) {
            task.run();
        } else {
            committed.get().add(task);
        }
    }

    private static Connection joined(Connection c) {
        return (Connection) Proxy.newProxyInstance(TestScope.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> LEFT_TO_THE_SCOPE.contains(method.getName()) ? null : invoke(method, c, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
