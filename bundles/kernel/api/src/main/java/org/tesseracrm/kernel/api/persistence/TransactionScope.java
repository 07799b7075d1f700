package org.tesseracrm.kernel.api.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The one transaction scope of the CRM database: everything one user action writes (the record,
 * its audit entry, notes, attachments, modules' own rows, modules' JPA units) commits together or
 * not at all.
 *
 * <p>A scope belongs to the calling thread. Inside it, every connection taken from the CRM
 * {@code javax.sql.DataSource} ({@code osgi.jndi.service.name=crm}) is the scope's connection, so
 * {@link ModuleSql}, plain JDBC and persistence units on that DataSource join it without being
 * passed anything: their own commit, rollback and close do nothing, and the scope commits once at
 * the end of the outermost {@link #required}. Any exception that leaves the work rolls back the whole
 * scope, even if an inner caller caught it after its own rollback.
 *
 * <p>Work registered with {@link #afterCommit} runs only once the outermost scope has committed, on
 * the same thread: record events are sent this way, so a listener never hears of a change that was
 * rolled back.
 */
@ProviderType
public interface TransactionScope {

    /**
     * Runs work in the current scope, or in a new one that commits when the work returns.
     *
     * @param work what to do on the scope's connection
     * @param <T> its result
     * @return the work's result, after commit if this call opened the scope
     * @throws org.tesseracrm.kernel.api.CrmException for a database failure (its message says what failed),
     *     or the work's own runtime exception, in both cases after the scope was marked for rollback
     */
    <T> T required(ModuleSql.Work<T> work);

    /**
     * Runs work in a scope of its own that commits when the work returns, whatever the caller's
     * scope later does: for what must outlive a rollback, such as taking a block of ids or writing a
     * failed sign-in.
     *
     * @param work what to do on the new scope's connection
     * @param <T> its result
     * @return the work's result, after commit
     * @throws org.tesseracrm.kernel.api.CrmException as {@link #required}
     */
    <T> T requiresNew(ModuleSql.Work<T> work);

    /**
     * Takes a block of ids from a generator table ({@link ModuleSql#reserveIds}) and commits it at once, whatever
     * the caller's scope later does, so no transaction holds the generator's row for long. Unlike
     * {@code requiresNew}, the kernel's scope does this on a connection of its own kept for ids, not on a second
     * connection from the pool: a create inside a scope then holds one pooled connection, so as many creates at
     * once as the pool has connections cannot all wait for a second one.
     *
     * <p>Use it only for generators that no transaction reserves from with its own connection, or the two could
     * wait on each other until the database's lock timeout.
     *
     * @param ids the generator's table and row
     * @param count how many ids, at least 1
     * @return the first id of the block; the block ends at it + count - 1
     * @throws org.tesseracrm.kernel.api.CrmException for a database failure
     * @since persistence 1.3
     */
    default long reserveIds(IdGenerator ids, int count) {
        return requiresNew(c -> ModuleSql.reserveIds(c, ids, count));
    }

    /**
     * @return whether the calling thread is inside a scope
     */
    boolean active();

    /**
     * Runs a task once the outermost scope commits; never if it rolls back. Outside a scope the task
     * runs at once (the change it follows is already committed). A failing task is logged and does
     * not disturb the others.
     *
     * @param task what to do after commit, on the committing thread; keep it short (post an event,
     *     schedule a timer)
     */
    void afterCommit(Runnable task);
}
