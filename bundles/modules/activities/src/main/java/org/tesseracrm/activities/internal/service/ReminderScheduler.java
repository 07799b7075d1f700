package org.tesseracrm.activities.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells open sessions when a reminder comes due (R-ACT-2). One thread looks, every few seconds, for
 * the reminders whose time fell since its last look: a range read of the index on {@code REMIND_AT},
 * so 100,000 pending reminders cost what ten do. Each one found goes to the listeners of its owner,
 * the reminder bells of their open sessions, which push a pop-up. Reminders that came due while their
 * owner was away are not pushed; the bell counts them when the owner comes back.
 */
@Component(service = ReminderScheduler.class, immediate = true, configurationPid = ActivitiesConfig.PID)
@Designate(ocd = ActivitiesConfig.class)
public class ReminderScheduler {
    /** The scheduler thread's name, so tests can tell it is gone after an uninstall. */
    public static final String THREAD_NAME = "tessera-activity-reminders";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private final Map<String, Set<Consumer<Activity>>> listeners = new ConcurrentHashMap<>();
    private LocalDateTime lastLook = ActivityService.utcNow();

    /**
     * @param dataSource the CRM database
     * @param schema the module's tables
     * @param config how often to look
     */
    @Activate
    public ReminderScheduler(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference(target = "(crm.schema.bundle=org.tesseracrm.activities)")
            org.tesseracrm.kernel.api.persistence.MigratedSchema schema, ActivitiesConfig config) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        int every = Math.max(1, config.reminderCheckSeconds());
        timer.scheduleWithFixedDelay(this::look, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    public void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        listeners.clear();
    }

    /**
     * @param username a user
     * @param onDue called on the scheduler's thread with each of the user's reminders as it comes due;
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

    /** Pushes the reminders that came due since the last look. */
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
     * @return the open activities whose reminder time falls in between
     * @throws SQLException if the read fails
     */
    public List<Activity> dueBetween(LocalDateTime after, LocalDateTime until) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement("SELECT "
                + Activity.COLUMNS + " FROM CRM_ACTIVITY WHERE REMIND_AT > ? AND REMIND_AT <= ? AND DONE = ? ORDER BY REMIND_AT")) {
            statement.setTimestamp(1, Timestamp.valueOf(after));
            statement.setTimestamp(2, Timestamp.valueOf(until));
            statement.setBoolean(3, false);
            statement.setMaxRows(10_000);
            List<Activity> due = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    due.add(Activity.read(rs));
                }
            }
            return due;
        }
    }
}
