package org.tesseracrm.kernel.core.internal.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.FieldChange;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/** The audit trail in the kernel's tables {@code CRM_AUDIT} and {@code CRM_AUDIT_CHANGE}. */
@Component(service = AuditTrail.class)
public class AuditTrailImpl implements AuditTrail {
    private static final int HISTORY_LIMIT = 500;
    private static final int RECENT_LIMIT = 50;
    /** Entries read per record asked for: a record changed again and again takes several. */
    private static final int RECENT_SCAN = 10;

    /** Where audit entries take their ids: in a transaction of their own, like a sequence. */
    private static final IdGenerator IDS = new IdGenerator("KERNEL_ID_GEN", "GEN_NAME", "GEN_VALUE", "AUDIT");

    private final JpaTemplate jpa;
    private final TransactionScope scope;
    private final CallerContext callers;
    private final AccessControl access;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param jpa the kernel's persistence unit, which joins the caller's transaction
     * @param scope the CRM database's transaction scope
     * @param schema present once the kernel's tables exist
     * @param callers who is calling
     * @param access what the caller may read
     */
    @Activate
    public AuditTrailImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference CallerContext callers, @Reference AccessControl access) {
        this.jpa = jpa;
        this.scope = scope;
        this.callers = callers;
        this.access = access;
    }

    @Override
    public void record(RecordChange change) {
        recordAll(List.of(change));
    }

    @Override
    public void recordAll(List<RecordChange> changes) {
        Caller caller = callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        LocalDateTime now = LocalDateTime.now(clock);
        List<RecordChange> kept = new ArrayList<>();
        List<List<FieldChange>> diffs = new ArrayList<>();
        for (RecordChange change : changes) {
            List<FieldChange> fields = ChangeDiff.between(change.before(), change.after());
            if (change.action() != AuditAction.UPDATE || !fields.isEmpty()) {
                kept.add(change);
                diffs.add(fields);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        // a change made during a REST API call says so, whichever service made it
        String via = callers.token().isPresent() ? AuditEntry.VIA_API : null;
        long id = scope.reserveIds(IDS, kept.size());
        List<AuditRecord> entries = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            RecordChange change = kept.get(i);
            List<AuditChangeRow> rows = diffs.get(i).stream().map(AuditChangeRow::new).toList();
            String label = change.label() == null ? null : ChangeDiff.cut(change.label(), 300);
            entries.add(new AuditRecord(id + i, now, caller.username(), change.module(), change.recordType(),
                    change.recordId(), label, change.owner(), change.action(), rows, via));
        }
        jpa.tx(TransactionType.Required, em -> entries.forEach(em::persist));
    }

    @Override
    public List<AuditEntry> history(String recordType, long recordId) {
        boolean all = access.permitted(VIEW_ALL);
        List<AuditRecord> entries = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT a FROM AuditRecord a WHERE a.recordType = :type AND a.recordId = :id ORDER BY a.id DESC",
                AuditRecord.class).setParameter("type", recordType).setParameter("id", recordId)
                .setMaxResults(HISTORY_LIMIT).getResultList());
        if (entries.isEmpty()) {
            return List.of();
        }
        AuditRecord newest = entries.get(0);
        boolean mayRead = all || (access.permitted(newest.module() + ".view")
                && access.visibility().canSee(newest.owner()));
        return mayRead ? entries.stream().map(AuditRecord::toEntry).toList() : List.of();
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        access.require(VIEW_ALL);
        List<String> conditions = new ArrayList<>();
        if (query.username() != null) {
            conditions.add("a.username = :user");
        }
        if (query.recordType() != null) {
            conditions.add("a.recordType = :type");
        }
        if (query.from() != null) {
            conditions.add("a.at >= :from");
        }
        if (query.to() != null) {
            conditions.add("a.at < :to");
        }
        String jpql = "SELECT a FROM AuditRecord a" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY a.at DESC, a.id DESC";
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<AuditRecord> q = em.createQuery(jpql, AuditRecord.class)
                    .setFirstResult(query.offset()).setMaxResults(query.limit());
            if (query.username() != null) {
                q.setParameter("user", query.username());
            }
            if (query.recordType() != null) {
                q.setParameter("type", query.recordType());
            }
            if (query.from() != null) {
                q.setParameter("from", LocalDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            }
            if (query.to() != null) {
                q.setParameter("to", LocalDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            }
            return q.getResultList().stream().map(AuditRecord::toEntry).toList();
        });
    }

    @Override
    public List<AuditEntry> recentlyChangedByCaller(int limit) {
        if (limit < 1 || limit > RECENT_LIMIT) {
            throw new IllegalArgumentException("1 <= limit <= " + RECENT_LIMIT);
        }
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty()) {
            return List.of();
        }
        // The user's newest entries through IX_CRM_AUDIT_USER, a few per record, without their field changes.
        List<Object[]> rows = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT a.id, a.at, a.module, a.recordType, a.recordId, a.label, a.action FROM AuditRecord a"
                        + " WHERE a.username = :user ORDER BY a.at DESC, a.id DESC", Object[].class)
                .setParameter("user", caller.get().username()).setMaxResults(limit * RECENT_SCAN).getResultList());
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> viewable = new HashMap<>();
        List<AuditEntry> recent = new ArrayList<>();
        for (Object[] row : rows) {
            String module = (String) row[2];
            String type = (String) row[3];
            long id = ((Number) row[4]).longValue();
            AuditAction action = (AuditAction) row[6];
            if (!seen.add(type + "#" + id) || action == AuditAction.DELETE
                    || !viewable.computeIfAbsent(module, m -> access.permitted(m + ".view"))) {
                continue;
            }
            recent.add(new AuditEntry(((Number) row[0]).longValue(), ((LocalDateTime) row[1]).toInstant(ZoneOffset.UTC),
                    caller.get().username(), module, type, id, row[5] == null ? "" : (String) row[5], action, List.of()));
            if (recent.size() == limit) {
                break;
            }
        }
        return recent;
    }
}
