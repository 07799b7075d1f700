package org.tesseracrm.kernel.core.internal.security;

import java.sql.SQLException;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

/** A scope for tests whose JPA fake ({@link KernelUnit}) runs its own transactions: it only runs the work. */
final class DirectScope implements TransactionScope {
    static final DirectScope INSTANCE = new DirectScope();

    private DirectScope() {
    }

    @Override
    public <T> T required(ModuleSql.Work<T> work) {
        try {
            return work.run(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T requiresNew(ModuleSql.Work<T> work) {
        return required(work);
    }

    @Override
    public boolean active() {
        return false;
    }

    @Override
    public void afterCommit(Runnable task) {
        task.run();
    }
}
