package org.tesseracrm.activities.internal.service;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Tells open sessions when a reminder comes due (R-ACT-2). Each look, run on the kernel's timer thread
 * by {@link ReminderTimer} every few seconds, selects the reminders whose time fell since the last look:
 * a range read of the index on {@code REMIND_AT}, so 100,000 pending reminders cost what ten do. It reads
 * them whole through the record platform, as their owner. Each one found goes to the listeners of its owner, the reminder bells of their open sessions, which push a
 * pop-up. Reminders that came due while their owner was away are not pushed; the bell counts them when
 * the owner comes back. The module starts no thread of its own.
 */
@Component(service = ReminderScheduler.class)
public class ReminderScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);

    /** The most reminders one look reads. */
    private static final int MOST_PER_LOOK = 10_000;

    private final DataSource dataSource;
    private final Records records;
    private final CallerContext callers;
    private final Map<String, Set<Consumer<Activity>>> listeners = new ConcurrentHashMap<>();
    private LocalDateTime lastLook = ActivityService.utcNow();

    /**
     * @param dataSource the CRM database, for which reminders came due
     * @param records reads the due activities whole
     * @param callers runs those reads as each activity's owner
     * @param schema the module's tables
     */
    @Activate
    public ReminderScheduler(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference Records records, @Reference CallerContext callers,
            @Reference(target = "(crm.schema.bundle=org.tesseracrm.activities)")
            org.tesseracrm.kernel.api.persistence.MigratedSchema schema) {
        this.dataSource = dataSource;
        this.records = records;
        this.callers = callers;
    }

    /** Forgets the sessions' listeners when the module stops. */
    @Deactivate
    public void stop() {
        listeners.clear();
    }

    /**
     * @param username a user
     * @param onDue called on the kernel's timer thread with each of the user's reminders as it comes due;
     *     it must hand the work to the session (UI.access) and return
     * @return stops the calls
     */
    public Runnable listen(String username, Consumer<Activity> onDue) {
        listeners.computeIfAbsent(username, u -> new CopyOnWriteArraySet<>()).add(onDue);
        return () -> listeners.computeIfPresent(username, (u, set) -> {
            set.remove(onDue);
            return set.isEmpty() ? null : set;
        });
    }

    /** @return how many sessions listen, for tests that check nothing leaks */
    public int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    /** Pushes the reminders that came due since the last look; a failed read is retried over the same window. */
    void look() {
        LocalDateTime now = ActivityService.utcNow();
        try {
            for (Activity due : dueBetween(lastLook, now)) {
                for (Consumer<Activity> listener : listeners.getOrDefault(due.owner(), Set.of())) {
                    try {
                        listener.accept(due);
                    } catch (RuntimeException e) {
                        LOG.warn("A reminder listener failed on activity #{}", due.id(), e);
                    }
                }
            }
            lastLook = now;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not look for due reminders; trying again shortly", e);
        }
    }

    /**
     * One look's read; public for the reminder benchmark.
     *
     * @param after exclusive start (UTC)
     * @param until inclusive end (UTC)
     * @return the open activities whose reminder time falls in between, earliest first, each as its owner reads
     *     it (an owner without {@code activities.view} gets none)
     * @throws SQLException if the read fails (the database's errors come as a CrmException)
     */
    public List<Activity> dueBetween(LocalDateTime after, LocalDateTime until) throws SQLException {
        Map<String, List<Long>> byOwner = new LinkedHashMap<>();
        ModuleSql.query(dataSource, "SELECT ID, OWNER FROM CRM_ACTIVITY WHERE REMIND_AT > ? AND REMIND_AT <= ? AND DONE = ? "
                + "ORDER BY REMIND_AT, ID", List.of(Timestamp.valueOf(after), Timestamp.valueOf(until), false), MOST_PER_LOOK,
                rs -> Map.entry(rs.getString(2), rs.getLong(1)))
                .forEach(e -> byOwner.computeIfAbsent(e.getKey(), owner -> new ArrayList<>()).add(e.getValue()));
        List<Activity> due = new ArrayList<>();
        byOwner.forEach((owner, ids) -> due.addAll(asOwner(owner, ids)));
        due.sort(Comparator.comparing((Activity a) -> a.remindAt().orElse(until)).thenComparing(Activity::id));
        return due;
    }

    /**
     * Reads the owner's due activities through the record platform as the owner, to whom the pop-ups go: so they
     * name the records as the owner may see them, never as the system sees them.
     */
    private List<Activity> asOwner(String owner, List<Long> ids) {
        try {
            return callers.callAs(new Caller(owner), () -> records.get(ActivityRecordType.ID, ids)).stream()
                    .map(Activity::of).toList();
        } catch (PermissionDeniedException e) { // the owner has no bell: nobody to tell
            LOG.debug("No reminders for {}: {}", owner, e.getMessage());
            return List.of();
        }
    }
}
