package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/**
 * What the platform's search indexes hold, once {@link RecordSearchImpl} made them for a record type:
 * the database's dialect, the fields with a lower-cased index ({@link SearchSql}) and, on Derby, the
 * fields whose "contains" values list is complete ({@link SearchTerms}). Shared through the
 * {@link FieldCatalog} by every service that builds record SQL.
 */
final class SearchState {
    private final Map<String, Set<String>> indexed = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> termed = new ConcurrentHashMap<>();
    private volatile Dialect dialect;

    /** @return the dialect of the database behind the connection, found once */
    Dialect dialect(Connection c) throws SQLException {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(c);
            dialect = known;
        }
        return known;
    }

    /** @return the dialect, if a connection told it already */
    Optional<Dialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** @return the names of the type's fields that have the platform's lower-cased search index */
    Set<String> indexed(String type) {
        return indexed.getOrDefault(type, Set.of());
    }

    /** @return the names of the type's fields whose "contains" values list ({@link SearchTerms}) is complete */
    Set<String> termed(String type) {
        return termed.getOrDefault(type, Set.of());
    }

    /** Records which of the type's fields have which index, after {@link RecordSearchImpl} made them. */
    void ready(String type, Set<String> indexedFields, Set<String> termedFields) {
        indexed.put(type, Set.copyOf(indexedFields));
        termed.put(type, Set.copyOf(termedFields));
    }

    /** Forgets a type that went. */
    void forget(String type) {
        indexed.remove(type);
        termed.remove(type);
    }
}
