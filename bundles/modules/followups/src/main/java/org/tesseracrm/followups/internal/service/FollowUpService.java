package org.tesseracrm.followups.internal.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration.Mark;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Follow-up chains on sales operations (records of any type) and the unattended follow-ups report.
 * Every method checks the caller's permission, that the caller sees the operation's record, and limits
 * what it reads to the follow-ups of owners whose records the caller sees. The chain's rules are
 * {@link Chain}'s.
 */
@Component(service = FollowUpService.class)
public class FollowUpService {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpService.class);
    /** Where follow-ups take their ids (a row of the module's generator table). */
    /** The Activities module's record type, reached through the record platform only. */
    private static final String ACTIVITY = "activity";
    /** The most rows the report and a chain return. */
    public static final int LIMIT = 1000;
    /** The most operations the status report counts. */
    public static final int REPORT_LIMIT = 100_000;
    private static final String CONFLICT = "Someone else recorded this follow-up meanwhile. "
            + "Open it again to see their result.";

    private final Records records;
    private final AccessControl access;
    private final JpaTemplate jpa;
    private final TransactionScope scope;
    private final AuditTrail audit;
    private final UserSettings settings;
    private final RecordTypes types;

    /**
     * @param records checks the caller sees an operation, and names it
     * @param access the caller's permissions and visibility
     * @param jpa the module's persistence unit ({@code CRM_FOLLOWUP}), which joins the caller's transaction
     * @param scope the one transaction scope, for changes of several steps
     * @param schema the module's tables
     * @param audit the operations' history, which shows their follow-ups
     * @param settings the caller's time zone and locale, for the dates in the status tooltips
     * @param types the installed record types, which operations are records of
     */
    @Activate
    public FollowUpService(@Reference Records records, @Reference AccessControl access,
            @Reference(target = "(osgi.unit.name=tessera-followups)") JpaTemplate jpa, @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.followups)") MigratedSchema schema,
            @Reference AuditTrail audit, @Reference UserSettings settings, @Reference RecordTypes types) {
        this.audit = audit;
        this.types = types;
        this.settings = settings;
        this.records = records;
        this.access = access;
        this.jpa = jpa;
        this.scope = scope;
    }

    /**
     * @param recordType an operation's record type
     * @param id the operation, which the caller must see
     * @return its follow-ups the caller sees, newest first
     */
    public List<FollowUp> chain(String recordType, long id) {
        access.require(FollowUpsModule.VIEW);
        title(recordType, id);
        return shown(chainOf(recordType, id));
    }

    /**
     * Plans the next follow-up of an operation.
     *
     * @param recordType the operation's record type
     * @param id the operation
     * @param action what is to be done
     * @param dueAt when it is due (UTC)
     * @param remindAt when to remind, or null
     * @return the new follow-up
     * @throws org.tesseracrm.kernel.api.ValidationException per {@link Chain#checkPlan}
     */
    public FollowUp plan(String recordType, long id, String action, LocalDateTime dueAt, LocalDateTime remindAt) {
        Caller caller = access.require(FollowUpsModule.CREATE);
        String title = title(recordType, id);
        Chain.checkPlan(chainOf(recordType, id), action, dueAt, remindAt);
        // the follow-up, its history entry and its task, or none of them
        return scope.required(c -> plan(caller, recordType, id, title, action, dueAt, remindAt));
    }

    private FollowUp plan(Caller caller, String recordType, long id, String title, String action, LocalDateTime dueAt,
            LocalDateTime remindAt) {
        // the title was read through the platform, so the type is installed; the report keeps a neutral name
        FollowUpEntry entry = new FollowUpEntry(recordType, id, clip(types.neutralTitle(recordType, id), 300),
                action.strip(), dueAt, remindAt, caller.username(), now());
        inUnit(em -> {
            em.persist(entry);
            return null;
        });
        history(recordType, id, title, "followUp", action.strip() + " (due " + RecordRow.format(dueAt) + " UTC)");
        long task = scheduleTask(recordType, id, title, action.strip(), dueAt, remindAt);
        if (task > 0) {
            entry.task(task);
            inUnit(em -> em.merge(entry));
        }
        return find(entry.id()).orElseThrow();
    }

    /**
     * With the Activities module installed, a follow-up is also a task on the operation, so its reminder
     * pops up, it shows among the user's activities and in the due flags. Only the record platform is
     * used: without the module (or without {@code activities.create}) the follow-up simply has no task.
     *
     * @return the task's id, or 0
     */
    private long scheduleTask(String recordType, long id, String title, String action, LocalDateTime dueAt,
            LocalDateTime remindAt) {
        // the activity keeps a neutral name in its history; screens show the record's title at read time
        RecordValues task = RecordValues.builder().set("kind", "task").set("subject", clip("Follow-up: " + action, 200))
                .set("description", action).set("dueAt", dueAt).set("remindAt", remindAt).set("priority", "medium")
                .set("done", false).set("relatedType", recordType).set("relatedId", id)
                .set("relatedTitle", types.neutralTitle(recordType, id)).build();
        try {
            return records.create(ACTIVITY, task).id();
        } catch (CrmException e) {
            LOG.debug("No task for the follow-up on {} #{}: {}", recordType, id, e.getMessage());
            return 0;
        }
    }

    /** Writes a follow-up's planning or result into the operation's history. */
    private void history(String recordType, long id, String title, String name, String value) {
        RecordType type = types.find(recordType).orElse(null);
        if (type != null) {
            records.get(recordType, id).ifPresent(row -> audit.record(RecordChange.added(type.moduleId(), recordType, id,
                    title, String.valueOf(row.values().get("owner")), name, value)));
        }
    }

    /** Completes the follow-up's task, if it has one that is still open. */
    private void completeTask(long activityId) {
        if (activityId == 0) {
            return;
        }
        try {
            records.get(ACTIVITY, activityId).filter(row -> !row.bool("done").orElse(false))
                    .ifPresent(row -> records.update(ACTIVITY, activityId, row.version(),
                            RecordValues.builder().set("done", true).clear("remindAt").build()));
        } catch (CrmException e) {
            LOG.debug("Could not complete task #{} of a follow-up: {}", activityId, e.getMessage());
        }
    }

    /**
     * Records what happened on the open follow-up; concluding ends the operation's follow-up.
     *
     * @param id the newest, open follow-up of its operation
     * @param version the version the user saw
     * @param resultAt when it happened (UTC)
     * @param details what happened
     * @param conclude whether this ends the operation's follow-up
     * @return the follow-up with its result
     * @throws ConflictException if someone recorded it meanwhile
     */
    public FollowUp recordResult(long id, long version, LocalDateTime resultAt, String details, boolean conclude) {
        access.require(FollowUpsModule.EDIT);
        FollowUp followUp = find(id).orElseThrow(() -> new NotFoundException("Follow-up", id));
        title(followUp.recordType(), followUp.recordId());
        Chain.checkResult(chainOf(followUp.recordType(), followUp.recordId()), id, resultAt, details, now());
        return scope.required(c -> { // the result, the completed task and the history entry, or none of them
            inUnit(em -> {
                FollowUpEntry entry = em.find(FollowUpEntry.class, id);
                if (entry == null || entry.version() != version) {
                    throw new ConflictException(CONFLICT);
                }
                entry.result(resultAt, details.strip(), conclude); // @Version refuses a change made meanwhile
                return null;
            });
            completeTask(followUp.activityId());
            history(followUp.recordType(), followUp.recordId(), followUp.recordTitle(), "followUpResult",
                    details.strip() + (conclude ? " (concluded)" : ""));
            return find(id).orElseThrow();
        });
    }

    /**
     * @param recordType a list's record type
     * @param ids the records of a page
     * @return the follow-up badge of each operation that has follow-ups the caller sees; empty without
     *     {@code followups.view}
     */
    public Map<Long, Mark> marks(String recordType, Collection<Long> ids) {
        if (ids.isEmpty() || !access.permitted(FollowUpsModule.VIEW)) {
            return Map.of();
        }
        Visibility visibility = access.visibility();
        // The newest follow-up of each record: the one with the highest id.
        List<FollowUp> newest = select("SELECT f FROM FollowUpEntry f WHERE f.id IN (SELECT MAX(g.id) FROM FollowUpEntry g "
                + "WHERE g.recordType = :type AND g.recordId IN :ids" + visible(visibility, "g") + " GROUP BY g.recordId)",
                Map.of("type", recordType, "ids", List.copyOf(ids)), visibility, ids.size());
        LocalDateTime now = now();
        Map<Long, Mark> found = new HashMap<>();
        LocalTimes times = LocalTimes.of(settings.regional());
        newest.forEach(f -> Chain.mark(Optional.of(f), now, times).ifPresent(m -> found.put(f.recordId(), m)));
        return found;
    }

    /**
     * The unattended follow-ups report: open follow-ups past due (R-ACT-6).
     *
     * @param branch only agents of this branch, or null for all
     * @param agent only this sales agent's, or null for all
     * @param from only those due on or after this day (in the caller's time zone), or null
     * @param to only those due on or before this day (in the caller's time zone), or null
     * @return the overdue follow-ups the caller sees, most overdue first
     */
    public List<FollowUp> unattended(String branch, String agent, LocalDate from, LocalDate to) {
        access.require(FollowUpsModule.VIEW);
        Visibility visibility = access.visibility();
        Map<String, String> branches = access.branches();
        Map<String, Object> params = new HashMap<>();
        params.put("open", true);
        params.put("now", now());
        StringBuilder jpql = new StringBuilder("SELECT f FROM FollowUpEntry f WHERE f.open = :open AND f.dueAt < :now");
        LocalTimes times = LocalTimes.of(settings.regional());
        if (from != null) {
            jpql.append(" AND f.dueAt >= :from");
            params.put("from", LocalDateTime.ofInstant(times.startOf(from), ZoneOffset.UTC));
        }
        if (to != null) {
            jpql.append(" AND f.dueAt < :to");
            params.put("to", LocalDateTime.ofInstant(times.startOf(to.plusDays(1)), ZoneOffset.UTC));
        }
        boolean anyAgent = agent == null || agent.isBlank();
        boolean anyBranch = branch == null || branch.isBlank();
        if (!visibility.all() || !anyAgent || !anyBranch) {
            // Full access and no filter reads everyone's, users since removed included; otherwise the agents asked for.
            Set<String> agents = new TreeSet<>(visibility.all() ? branches.keySet() : visibility.owners());
            if (!anyAgent) {
                agents.retainAll(Set.of(agent));
            }
            if (!anyBranch) {
                agents.removeIf(user -> !branch.equals(branches.getOrDefault(user, "")));
            }
            if (agents.isEmpty()) {
                return List.of();
            }
            jpql.append(" AND f.owner IN :agents");
            params.put("agents", List.copyOf(agents));
        }
        jpql.append(" ORDER BY f.dueAt, f.id");
        return shown(select(jpql.toString(), params, new Visibility(true, Set.of()), LIMIT));
    }

    /**
     * The caller's own day (the Home page): their open follow-ups due before a time, overdue ones included.
     *
     * @param until a time (UTC), e.g. the end of the caller's day
     * @return the caller's own open follow-ups due before then, most overdue first, at most 200
     */
    public List<FollowUp> mineDueBefore(LocalDateTime until) {
        Caller caller = access.require(FollowUpsModule.VIEW);
        return shown(select("SELECT f FROM FollowUpEntry f WHERE f.open = :open AND f.dueAt < :until"
                + " AND f.owner = :owner ORDER BY f.dueAt, f.id",
                Map.of("open", true, "until", until, "owner", caller.username()), new Visibility(true, Set.of()), 200));
    }

    /**
     * The follow-up status report (R-ACT-6, R-ANA-2): the newest follow-up of each operation whose newest follow-up
     * is due in a period, with the same checks as {@link #unattended}: {@code followups.view}, and only the
     * follow-ups of owners whose records the caller sees.
     *
     * @param from the first day (in the caller's time zone)
     * @param to the last day, included
     * @param zone the caller's time zone
     * @return the newest follow-up the caller sees of each operation, due in the period, at most {@link #REPORT_LIMIT}
     */
    public List<FollowUp> newestDueIn(LocalDate from, LocalDate to, java.time.ZoneId zone) {
        access.require(FollowUpsModule.VIEW);
        Visibility visibility = access.visibility();
        Map<String, Object> params = new HashMap<>();
        params.put("from", LocalDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        params.put("to", LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        return select("SELECT f FROM FollowUpEntry f WHERE f.id IN (SELECT MAX(g.id) FROM FollowUpEntry g WHERE g.id > 0"
                + visible(visibility, "g") + " GROUP BY g.recordType, g.recordId) AND f.dueAt >= :from AND f.dueAt < :to"
                + " ORDER BY f.owner, f.id", params, visibility, REPORT_LIMIT);
    }

    /** @return the branch of each sales agent the caller sees, for the report's filters */
    public Map<String, String> agents() {
        access.require(FollowUpsModule.VIEW);
        return access.branches();
    }

    /** @return the current time as stored: UTC, to the millisecond */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private List<FollowUp> chainOf(String recordType, long id) {
        Visibility visibility = access.visibility();
        return select("SELECT f FROM FollowUpEntry f WHERE f.recordType = :type AND f.recordId = :id"
                + visible(visibility, "f") + " ORDER BY f.id DESC", Map.of("type", recordType, "id", id), visibility, LIMIT);
    }

    private Optional<FollowUp> find(long id) {
        Visibility visibility = access.visibility();
        return select("SELECT f FROM FollowUpEntry f WHERE f.id = :id" + visible(visibility, "f"), Map.of("id", id),
                visibility, 1).stream().findFirst();
    }

    /**
     * @param jpql a query of {@link FollowUpEntry} with named parameters, including {@code :owners} if
     *     {@link #visible} added it
     * @return up to {@code limit} follow-ups
     */
    private List<FollowUp> select(String jpql, Map<String, Object> params, Visibility visibility, int limit) {
        return inUnit(em -> {
            TypedQuery<FollowUpEntry> query = em.createQuery(jpql, FollowUpEntry.class).setMaxResults(limit);
            params.forEach(query::setParameter);
            if (!visibility.all()) {
                query.setParameter("owners", List.copyOf(visibility.owners()));
            }
            return query.getResultList().stream().map(FollowUpEntry::toFollowUp).toList();
        });
    }

    /** @return the condition on owners whose follow-ups the caller sees, or "" for a caller who sees all */
    private static String visible(Visibility visibility, String alias) {
        return visibility.all() ? "" : " AND " + alias + ".owner IN :owners";
    }

    /** Runs work in the unit; inside a {@link TransactionScope} it joins the caller's transaction. */
    private <T> T inUnit(Function<EntityManager, T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work::apply);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw new ConflictException(CONFLICT);
                }
            }
            throw CrmException.surface(e);
        }
    }

    /**
     * @param followUps follow-ups the caller sees
     * @return them naming their operations as the caller may see them: the title through the record platform,
     *     read now with one call per record type, or a neutral "Contact #12" (never the title stored at planning)
     */
    private List<FollowUp> shown(List<FollowUp> followUps) {
        Map<String, Map<Long, String>> titles = records.shownTitles(followUps.stream()
                .map(f -> new RecordRef(f.recordType(), f.recordId(), "")).toList());
        return followUps.stream().map(f -> f.withRecordTitle(titles.get(f.recordType()).get(f.recordId()))).toList();
    }

    /** @return the operation's title, checking the caller sees it */
    private String title(String recordType, long id) {
        String title = records.titles(recordType, List.of(id)).get(id);
        if (title == null) {
            throw new NotFoundException("Record", recordType + " #" + id);
        }
        return title;
    }



    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }





}
