package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/**
 * The global search over every installed record type. When a record type registers, it makes sure each
 * of its indexable search fields has the platform's search index ({@link SearchSql}); a search then
 * reads, per field, the first ids of the prefix range in index order, and the titles of those records.
 * Immediate, as it prepares each record type's indexes when the type appears rather than at the first
 * search; it hears of types from the platform's one registry ({@link RecordTypes} listener).
 */
@Component(service = RecordSearch.class, immediate = true)
public class RecordSearchImpl implements RecordSearch {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSearchImpl.class);
    private static final Comparator<RecordRef> BY_TITLE = Comparator.comparing((RecordRef r) -> r.title()
            .toLowerCase(Locale.ROOT)).thenComparingLong(RecordRef::id);

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final RecordTypes.Listener indexer = new RecordTypes.Listener() {
        @Override
        public void added(RecordType type) {
            addType(type);
        }

        @Override
        public void removed(RecordType type) {
            removeType(type);
        }
    };

    /**
     * @param types installed record types
     * @param catalog field definitions and the database
     * @param access the caller's permissions and visibility
     */
    @Activate
    public RecordSearchImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        types.addListener(indexer);
        types.all().forEach(this::addType); // those already there (ensuring an index twice is harmless)
    }

    @Deactivate
    void deactivate() {
        types.removeListener(indexer);
    }

    /** Creates the search indexes of a record type that lacks them (once per database; fast when they exist). */
    public void addType(RecordType type) {
        if (!Identifiers.problems(type).isEmpty()) {
            return; // refused by the RecordTypeRegistry, which says why
        }
        List<FieldDefinition> fields = SearchSql.indexable(type);
        long start = System.nanoTime();
        try {
            Set<String> termed = new HashSet<>();
            Set<String> ready = catalog.jdbc().inTransaction(c -> {
                Set<String> made = new HashSet<>();
                for (FieldDefinition field : fields) {
                    if (SearchSql.ensure(c, dialect(c), type, field)) {
                        made.add(field.name());
                        if (dialect(c) == Dialect.DERBY && SearchTerms.listed(field)) {
                            SearchTerms.ensure(c, type, field);
                            termed.add(field.name());
                        }
                    }
                }
                return made;
            });
            catalog.search().ready(type.id(), ready, termed);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 1000) { // it created indexes on a large table: worth saying once
                LOG.info("Search indexes of {} created for {} ({} with a values list for \"contains\") in {} ms",
                        type.id(), ready, termed, millis);
            }
        } catch (RuntimeException e) {
            LOG.warn("The search indexes of {} could not be created, so its global search reads the whole table: {}",
                    type.id(), e.getMessage(), e);
        }
    }

    /** Forgets a record type that went; its indexes stay with its table. */
    public void removeType(RecordType type) {
        catalog.search().forget(type.id());
    }

    @Override
    public List<SearchGroup> search(String text, int perType) {
        String prefix = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(MAX_PER_TYPE, perType));
        Visibility visible = access.visibility();
        List<RecordType> searched = types.all().stream().filter(t -> access.permitted(t.moduleId() + ".view"))
                .sorted(Comparator.comparing(RecordType::pluralLabel)).toList();
        return catalog.jdbc().inTransaction(c -> {
            List<SearchGroup> groups = new ArrayList<>();
            for (RecordType type : searched) {
                search(c, type, prefix, limit, visible).ifPresent(groups::add);
            }
            return List.copyOf(groups);
        });
    }

    private Optional<SearchGroup> search(Connection c, RecordType type, String prefix, int limit, Visibility visible)
            throws SQLException {
        Set<String> ready = catalog.search().indexed(type.id());
        Set<Long> ids = new LinkedHashSet<>();
        boolean more = false;
        for (FieldDefinition field : SearchSql.indexable(type)) {
            List<Long> found = ids(c, SearchSql.ids(dialect(c), type, field, ready.contains(field.name()), prefix,
                    visible, limit + 1));
            more |= found.size() > limit;
            ids.addAll(found);
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        RecordSql sql = new RecordSql(type, catalog.fields(type));
        List<RecordRow> rows = sql.rows(c, sql.byIds(List.copyOf(ids), visible));
        return Optional.of(group(type, rows, limit, more));
    }

    /**
     * @param rows the records found through any search field
     * @param limit the most records wanted
     * @param more whether a field had more matches than were read
     * @return the group of the type: the records by title, at most {@code limit}
     */
    static SearchGroup group(RecordType type, List<RecordRow> rows, int limit, boolean more) {
        List<RecordRef> refs = rows.stream().map(row -> new RecordRef(type.id(), row.id(), type.title(row)))
                .sorted(BY_TITLE).toList();
        return new SearchGroup(type.id(), type.pluralLabel(), refs.subList(0, Math.min(limit, refs.size())),
                more || refs.size() > limit);
    }

    private static List<Long> ids(Connection c, Sql select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(select.text())) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private Dialect dialect(Connection c) throws SQLException {
        return catalog.search().dialect(c);
    }
}
