package org.tesseracrm.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.tesseracrm.companies.internal.service.CompanyRecordType;
import org.tesseracrm.contacts.internal.service.ContactRecordType;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.CustomFieldsImpl;
import org.tesseracrm.kernel.records.internal.FieldCatalog;
import org.tesseracrm.kernel.records.internal.ImportsImpl;
import org.tesseracrm.kernel.records.internal.Lifecycle;
import org.tesseracrm.kernel.records.internal.RecordSearchImpl;
import org.tesseracrm.kernel.records.internal.RecordTypeRegistry;
import org.tesseracrm.kernel.records.internal.RecordsImpl;

/**
 * The record platform's real service classes, wired by hand instead of by Declarative Services, over
 * one JDBC connection (as a connection pool would hand it out) and with the contacts module's record
 * type. What is timed is therefore the product's code: SQL building, JDBC and row mapping.
 *
 * @param records list pages, counts and exports
 * @param customFields adds the custom fields
 * @param imports imports files
 * @see #search the global search, made separately so that its indexes come after the load
 */
record Platform(Records records, CustomFields customFields, Imports imports) {
    private static final Map<Connection, FieldCatalog> CATALOGS = new java.util.IdentityHashMap<>();
    /** One transaction scope per connection, as the kernel has one: nested work joins the running transaction. */
    private static final Map<Connection, TransactionScope> SCOPES = new java.util.IdentityHashMap<>();

    /**
     * @param connection the database; never closed by the platform
     * @param visibility the owners the simulated user sees
     */
    static Platform over(Connection connection, Visibility visibility) {
        RecordTypeRegistry types = types();
        FieldCatalog catalog = catalog(connection);
        AccessControl access = allowed(visibility);
        AuditTrail audit = noAudit();
        Lifecycle lifecycle = new Lifecycle(types);
        RecordsImpl records = new RecordsImpl(types, catalog, access, audit, lifecycle);
        return new Platform(records, new CustomFieldsImpl(types, catalog, access),
                new ImportsImpl(types, catalog, access, audit, lifecycle, records));
    }

    /**
     * @param connection the database; never closed
     * @param visibility the owners the simulated user sees
     * @return the global search, told of the contacts and companies types as Declarative Services tells it,
     *     which creates their search indexes where missing
     */
    static RecordSearch search(Connection connection, Visibility visibility) {
        RecordSearchImpl search = new RecordSearchImpl(types(), catalog(connection), allowed(visibility));
        search.addType(new ContactRecordType(null));
        search.addType(new CompanyRecordType(null));
        return search;
    }

    /** @return the contacts and companies record types, as the kernel's registry holds them */
    static RecordTypes recordTypes() {
        return types();
    }

    /** @return a registry of the contacts and companies record types (others may be added) */
    static RecordTypeRegistry types() {
        RecordTypeRegistry types = new RecordTypeRegistry(passThrough());
        types.addType(new ContactRecordType(null));
        types.addType(new CompanyRecordType(null));
        return types;
    }

    /**
     * @return the connection's field catalog: one per database, as Declarative Services makes one, shared by
     *     the records, imports and search services so they all know which search indexes exist
     */
    static synchronized FieldCatalog catalog(Connection connection) {
        return CATALOGS.computeIfAbsent(connection, c -> new FieldCatalog(sharedScope(c),
                () -> "db/changelog/records.yaml"));
    }

    /** @return the connection's one transaction scope, shared by the platform and the modules' services */
    static synchronized TransactionScope sharedScope(Connection connection) {
        return SCOPES.computeIfAbsent(connection, Platform::scope);
    }

    /** A guard that calls module code straight through, as the kernel's does when nothing fails. */
    static SafeCaller passThrough() {
        return (SafeCaller) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {SafeCaller.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "call", "callWithTimeout" -> Optional.ofNullable(((Supplier<?>) args[2]).get());
                    case "require" -> ((Supplier<?>) args[2]).get();
                    case "degraded" -> List.of();
                    default -> null;
                });
    }

    /**
     * The kernel's transaction scope over the one connection: work runs in a transaction that commits
     * when the work returns and rolls back when it throws; work inside other work joins its transaction; tasks
     * given to {@code afterCommit} inside it run once it committed (never after a rollback), outside it at once.
     */
    static TransactionScope scope(Connection connection) {
        int[] depth = {0};
        List<Runnable> afterCommit = new java.util.ArrayList<>();
        return (TransactionScope) Proxy.newProxyInstance(Platform.class.getClassLoader(),
                new Class<?>[] {TransactionScope.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "required", "requiresNew" -> {
                        if (depth[0] > 0) { // joins the running transaction (an export's lookups): no commit under its cursor
                            yield ((ModuleSql.Work<?>) args[0]).run(connection);
                        }
                        depth[0]++;
                        connection.setAutoCommit(false);
                        Object result;
                        try {
                            result = ((ModuleSql.Work<?>) args[0]).run(connection);
                            connection.commit();
                        } catch (SQLException | RuntimeException e) {
                            afterCommit.clear();
                            connection.rollback();
                            throw e instanceof SQLException sql ? new CrmException("The database refused the change: "
                                    + sql.getMessage(), sql) : e;
                        } finally {
                            depth[0]--;
                        }
                        // as the kernel's scope: tasks registered inside run once the outermost scope committed
                        List<Runnable> tasks = List.copyOf(afterCommit);
                        afterCommit.clear();
                        tasks.forEach(Runnable::run);
                        yield result;
                    }
                    case "active" -> depth[0] > 0;
                    case "afterCommit" -> {
                        if (depth[0] > 0) {
                            afterCommit.add((Runnable) args[0]);
                        } else {
                            ((Runnable) args[0]).run();
                        }
                        yield null;
                    }
                    default -> null;
                });
    }

    /** @return an audit trail that keeps nothing: the benchmarks time the product's queries, not the history */
    static AuditTrail noAudit() {
        return (AuditTrail) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> List.of());
    }

    /** A caller who may do everything and sees the given owners. */
    static AccessControl allowed(Visibility visibility) {
        return new AccessControl() {
            @Override
            public Caller require(String permission) {
                return new Caller("bench");
            }

            @Override
            public boolean permitted(String permission) {
                return true;
            }

            @Override
            public Visibility visibility() {
                return visibility;
            }

            @Override
            public void checkAssignable(String username) {
            }

            @Override
            public List<String> assignableUsers() {
                return List.of("bench");
            }

            @Override
            public java.util.Set<String> groupMates() {
                return java.util.Set.of("bench");
            }

            @Override
            public Map<String, String> branches() {
                return Map.of("bench", "");
            }
        };
    }

    /** @return all of the user1..user10 owners: the visibility of a manager with nine reports */
    static Visibility tenOwners() {
        return new Visibility(false, Set.of("user1", "user2", "user3", "user4", "user5", "user6", "user7", "user8",
                "user9", "user10"));
    }

    /** A DataSource that hands out the one connection and ignores close(), like a pool of size one. */
    static DataSource pooled(Connection connection) {
        Connection shared = (Connection) Proxy.newProxyInstance(Platform.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : method.invoke(connection, args));
        return (DataSource) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> shared;
                    case "getLogWriter" -> new PrintWriter(System.out);
                    case "getParentLogger" -> Logger.getGlobal();
                    default -> null;
                });
    }
}
