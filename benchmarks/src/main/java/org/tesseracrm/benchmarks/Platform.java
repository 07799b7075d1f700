package org.tesseracrm.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.tesseracrm.companies.internal.service.CompanyRecordType;
import org.tesseracrm.contacts.internal.service.ContactRecordType;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.CustomFieldsImpl;
import org.tesseracrm.kernel.records.internal.FieldCatalog;
import org.tesseracrm.kernel.records.internal.ImportsImpl;
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
    /**
     * @param connection the database; never closed by the platform
     * @param visibility the owners the simulated user sees
     */
    static Platform over(Connection connection, Visibility visibility) {
        RecordTypeRegistry types = types();
        FieldCatalog catalog = catalog(connection);
        AccessControl access = allowed(visibility);
        AuditTrail audit = noAudit();
        return new Platform(new RecordsImpl(types, catalog, access, audit), new CustomFieldsImpl(types, catalog, access),
                new ImportsImpl(types, catalog, access, audit));
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

    private static RecordTypeRegistry types() {
        RecordTypeRegistry types = new RecordTypeRegistry();
        types.addType(new ContactRecordType(null));
        types.addType(new CompanyRecordType(null));
        return types;
    }

    private static FieldCatalog catalog(Connection connection) {
        return new FieldCatalog(pooled(connection), () -> "db/changelog/records.yaml");
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
