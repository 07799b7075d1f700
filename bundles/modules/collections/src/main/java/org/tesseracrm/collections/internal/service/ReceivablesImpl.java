package org.tesseracrm.collections.internal.service;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.AgedObligation;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.UserSettings;

/**
 * The collections service (see {@link Receivables}). Every method first checks the caller's permission and an API
 * token's record types; a collection is read through {@link Records} as the caller (its visibility), and the aging's
 * query carries the caller's visibility. The obligations and the collection's totals are written in one
 * {@link TransactionScope#required} scope: the totals through {@link Records#update} with the added permission
 * {@link CollectionLifecycle#SERVICE_WRITE} (audited as any change), the obligations by the module's SQL after the
 * collection's row is locked, so two saves of one collection follow each other.
 */
@Component(service = Receivables.class)
public class ReceivablesImpl implements Receivables {
    /** The most outstanding obligations one aging reads. */
    static final int MAX_AGING_ROWS = 200_000;
    /** The most obligations {@link #agedObligations} lists. */
    static final int MAX_LISTED = 1_000;
    /** The audit's name for a collection's obligations. */
    static final String AUDIT_FIELD = "obligations";

    private final Records records;
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final UserSettings settings;
    private final AuditTrail audit;
    /** The clock days are counted with; a fixed one in tests. */
    private volatile Clock clock = Clock.systemUTC();

    /**
     * @param records the collections, read and written as the caller
     * @param access the caller's permissions and visibility
     * @param callers marks the service's own writes
     * @param scope the transactions
     * @param settings the caller's time zone: the aging's today
     * @param audit the collection's history of obligations
     * @param type the collection record type, registered once the module's tables exist
     */
    @Activate
    public ReceivablesImpl(@Reference Records records, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference TransactionScope scope, @Reference UserSettings settings,
            @Reference AuditTrail audit,
            @Reference(target = "(" + RecordType.ID + "=" + CollectionFields.RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.settings = settings;
        this.audit = audit;
    }

    /** @param clock the clock to count days with (tests) */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Obligation> obligations(long collectionId) {
        access.require(CollectionsModule.VIEW);
        access.requireRecordType(CollectionFields.RECORD_TYPE);
        open(collectionId);
        return scope.required(c -> ObligationStore.list(c, collectionId));
    }

    @Override
    public RecordRow saveObligations(long collectionId, List<ObligationInput> obligations) {
        access.require(CollectionsModule.EDIT);
        access.requireRecordType(CollectionFields.RECORD_TYPE);
        RecordRow collection = open(collectionId);
        return scope.required(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "UPDATE CRM_COLLECTION SET VERSION = VERSION WHERE ID = ?")) {
                lock.setLong(1, collectionId);
                lock.executeUpdate();
            }
            List<Obligation> before = ObligationStore.list(c, collectionId);
            List<Obligation> rows = ObligationRules.rows(obligations,
                    before.stream().collect(Collectors.toMap(Obligation::id, Function.identity())));
            if (!rows.isEmpty() && collection.text(CollectionFields.CURRENCY).isEmpty()) {
                throw new ValidationException(List.of(new FieldError(CollectionFields.CURRENCY,
                        "Choose the collection's currency before adding obligations")));
            }
            ObligationStore.replace(c, collectionId, rows);
            List<Obligation> after = ObligationStore.list(c, collectionId);
            audit(collection, before, after);
            return keep(collectionId, after);
        });
    }

    /**
     * Writes the totals of the obligations onto the collection if they differ from those it holds.
     *
     * @return the collection as it is now
     */
    private RecordRow keep(long collectionId, List<Obligation> obligations) {
        RecordRow collection = open(collectionId);
        ObligationRules.Totals totals = ObligationRules.totals(obligations, storedToday());
        RecordValues.Builder values = RecordValues.builder();
        boolean changed = put(values, collection, CollectionFields.TOTAL_AMOUNT, totals.total())
                | put(values, collection, CollectionFields.OUTSTANDING, totals.outstanding())
                | put(values, collection, CollectionFields.OVERDUE, totals.overdue())
                | put(values, collection, CollectionFields.NEXT_DUE, totals.nextDue().orElse(null));
        if (!changed) {
            return collection;
        }
        return callers.callWithPermissions(Set.of(CollectionLifecycle.SERVICE_WRITE, CollectionsModule.EDIT),
                () -> records.update(CollectionFields.RECORD_TYPE, collectionId, collection.version(), values.build()));
    }

    private static boolean put(RecordValues.Builder values, RecordRow row, String field, Object value) {
        values.setValue(field, value);
        return !ObligationRules.same(row.values().get(field), value);
    }

    /** @return the day the stored overdue amounts are kept as of: today, UTC */
    LocalDate storedToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void audit(RecordRow collection, List<Obligation> before, List<Obligation> after) {
        if (before.equals(after)) {
            return;
        }
        String was = summary(before, collection.text(CollectionFields.CURRENCY));
        String is = summary(after, collection.text(CollectionFields.CURRENCY));
        audit.record(new RecordChange(CollectionsModule.ID, CollectionFields.RECORD_TYPE, collection.id(),
                collection.text(CollectionFields.SUBJECT), collection.text(CollectionFields.OWNER), AuditAction.UPDATE,
                Map.of(AUDIT_FIELD, was), Map.of(AUDIT_FIELD, is.equals(was) ? is + " (changed)" : is)));
    }

    /** @return e.g. "3 obligations, 1200.00 EUR", or "" without obligations */
    static String summary(List<Obligation> obligations, String currency) {
        if (obligations.isEmpty()) {
            return "";
        }
        BigDecimal total = obligations.stream().map(Obligation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return obligations.size() + (obligations.size() == 1 ? " obligation, " : " obligations, ")
                + total.toPlainString() + (currency.isEmpty() ? "" : " " + currency);
    }

    @Override
    public AgingReport aging(AgingBy by, Optional<LocalDate> asOf) {
        access.require(CollectionsModule.VIEW);
        access.requireRecordType(CollectionFields.RECORD_TYPE);
        AgingBy rows = by == null ? AgingBy.CUSTOMER : by;
        LocalDate day = asOf == null || asOf.isEmpty() ? today() : asOf.get();
        List<ObligationStore.Open> open = scope.required(c -> ObligationStore.open(c, access.visibility(),
                MAX_AGING_ROWS));
        List<Aging.Item> items = open.stream().map(ReceivablesImpl::item).toList();
        return Aging.report(rows, day, items, labels(rows, open));
    }

    private static Aging.Item item(ObligationStore.Open o) {
        return new Aging.Item(o.collectionId(), Aging.customer(o.companyId(), o.contactId()), o.collector(),
                o.currency(), o.obligation().dueDate(), o.obligation().outstanding());
    }

    /** @return what names each row: the customers' titles (neutral for those the caller does not see), users */
    private Function<String, String> labels(AgingBy by, List<ObligationStore.Open> open) {
        if (by == AgingBy.COLLECTOR) {
            return user -> user;
        }
        Map<String, String> names = new HashMap<>();
        Set<Long> companies = new LinkedHashSet<>();
        Set<Long> contacts = new LinkedHashSet<>();
        for (ObligationStore.Open o : open) {
            if (o.companyId() != null) {
                companies.add(o.companyId());
            } else if (o.contactId() != null) {
                contacts.add(o.contactId());
            }
        }
        titles("company", companies).forEach((id, title) -> names.put("company:" + id, title));
        titles("contact", contacts).forEach((id, title) -> names.put("contact:" + id, title));
        return key -> names.getOrDefault(key, key.equals("none") ? "No customer" : key);
    }

    private Map<Long, String> titles(String type, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            return records.shownTitles(type, ids);
        } catch (CrmException e) {
            return Map.of(); // the module is not installed: the rows are named by their keys
        }
    }

    @Override
    public List<AgedObligation> agedObligations(AgingBy by, String key, String currency, Optional<AgingBucket> bucket,
            Optional<LocalDate> asOf) {
        access.require(CollectionsModule.VIEW);
        access.requireRecordType(CollectionFields.RECORD_TYPE);
        AgingBy rows = by == null ? AgingBy.CUSTOMER : by;
        LocalDate day = asOf == null || asOf.isEmpty() ? today() : asOf.get();
        Optional<AgingBucket> column = bucket == null ? Optional.empty() : bucket;
        List<ObligationStore.Open> open = scope.required(c -> ObligationStore.open(c, access.visibility(),
                MAX_AGING_ROWS));
        return open.stream()
                .filter(o -> item(o).key(rows).equals(key) && (currency == null || currency.isBlank()
                        || o.currency().equals(currency)))
                .filter(o -> column.isEmpty() || AgingBucket.of(o.obligation().dueDate(), day) == column.get())
                .sorted(Comparator.comparing((ObligationStore.Open o) -> o.obligation().dueDate())
                        .thenComparing(ObligationStore.Open::collectionId)
                        .thenComparing(o -> o.obligation().position()))
                .limit(MAX_LISTED)
                .map(o -> new AgedObligation(o.collectionId(), o.subject(), o.currency(), o.obligation(),
                        ChronoUnit.DAYS.between(o.obligation().dueDate(), day),
                        AgingBucket.of(o.obligation().dueDate(), day)))
                .toList();
    }

    @Override
    public int refreshDue() {
        access.require(CollectionsModule.EDIT);
        // every collection, not only those the caller sees: the overdue amount is the same rule for all
        return callers.callAs(Caller.SYSTEM, () -> {
            LocalDate today = storedToday();
            int changed = 0;
            List<Long> ids;
            int pass;
            do { // a refreshed collection leaves the query (its next due date is today or later, or none)
                ids = scope.required(c -> ObligationStore.passedDue(c, today, MAX_LISTED));
                pass = 0;
                for (long id : ids) {
                    RecordRow before = open(id);
                    RecordRow after = scope.required(c -> keep(id, ObligationStore.list(c, id)));
                    if (after.version() != before.version()) {
                        pass++;
                    }
                }
                changed += pass;
            } while (ids.size() == MAX_LISTED && pass > 0);
            return changed;
        });
    }

    @Override
    public LocalDate today() {
        access.require(CollectionsModule.VIEW);
        return Aging.today(clock, settings.regional().zone());
    }

    private RecordRow open(long collectionId) {
        return records.get(CollectionFields.RECORD_TYPE, collectionId)
                .orElseThrow(() -> new NotFoundException("Collection", collectionId));
    }
}
