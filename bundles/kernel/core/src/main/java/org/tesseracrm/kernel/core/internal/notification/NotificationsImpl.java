package org.tesseracrm.kernel.core.internal.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The in-app notifications in {@code CRM_NOTIFICATION}. A send joins the caller's transaction; the live event and
 * retention run after it commits. Readers see only their own notifications, and the title of a linked record only
 * through {@link Records#shownTitles}, as themselves.
 */
@Component(service = Notifications.class)
public class NotificationsImpl implements Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationsImpl.class);

    private final NotificationStore store;
    private final TransactionScope scope;
    private final CallerContext callers;
    private volatile EventAdmin events;
    private volatile Records records;

    /**
     * @param dataSource the CRM database
     * @param schema present once the kernel's tables exist
     * @param scope the caller's transaction, which a send joins
     * @param callers the signed-in user
     */
    @Activate
    public NotificationsImpl(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference TransactionScope scope, @Reference CallerContext callers) {
        this(new NotificationStore(dataSource, scope, Clock.systemUTC()), scope, callers);
    }

    NotificationsImpl(NotificationStore store, TransactionScope scope, CallerContext callers) {
        this.store = store;
        this.scope = scope;
        this.callers = callers;
    }

    /** @param eventAdmin posts the live events; without it the bells update when their page is reloaded */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEventAdmin")
    void setEventAdmin(EventAdmin eventAdmin) {
        this.events = eventAdmin;
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        if (events == eventAdmin) {
            events = null;
        }
    }

    /**
     * @param platform names linked records for their reader; without it (the record platform stopping) every linked
     *     record gets its neutral name
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetRecords")
    void setRecords(Records platform) {
        this.records = platform;
    }

    void unsetRecords(Records platform) {
        if (records == platform) {
            records = null;
        }
    }

    @Override
    public NotificationReceipt notify(String username, NotificationInput input) {
        NotificationInput checked = NotificationRules.checked(username, input);
        if (!store.userExists(username)) {
            throw new ValidationException(List.of(new FieldError("username", "There is no user '" + username
                    + "'. Give the user name of an existing user.")));
        }
        NotificationReceipt receipt = store.insert(username, checked);
        if (receipt.created()) {
            EventAdmin admin = events;
            scope.afterCommit(() -> {
                if (admin != null) {
                    admin.postEvent(new Event(TOPIC, Map.of(EVENT_USERNAME, username, EVENT_ID, receipt.id())));
                }
                try {
                    store.applyRetention(username);
                } catch (CrmException e) {
                    LOG.warn("Old notifications of '{}' were not dropped this time: {}", username, e.getMessage());
                }
            });
        }
        return receipt;
    }

    @Override
    public List<Notification> mine(int limit) {
        String me = me();
        List<NotificationStore.Row> rows = store.newest(me, NotificationRules.listLimit(limit));
        Map<String, Map<Long, String>> titles = titles(rows);
        return rows.stream().map(row -> new Notification(row.id(), row.title(), row.text(), row.recordType(),
                row.recordId(), row.recordType().isEmpty() ? "" : titles.getOrDefault(row.recordType(), Map.of())
                        .getOrDefault(row.recordId(), NotificationRules.neutralTitle(row.recordType(), row.recordId())),
                row.source(), row.createdAt(), row.read())).toList();
    }

    @Override
    public int unreadCount() {
        return store.unread(me());
    }

    @Override
    public void markRead(long id) {
        if (!store.markRead(me(), id)) {
            throw new NotFoundException("Notification", id);
        }
    }

    @Override
    public int markAllRead() {
        return store.markAllRead(me());
    }

    /** @return the linked records' titles as the signed-in reader may see them, by type and id */
    private Map<String, Map<Long, String>> titles(List<NotificationStore.Row> rows) {
        Map<String, Set<Long>> byType = new HashMap<>();
        rows.stream().filter(row -> !row.recordType().isEmpty())
                .forEach(row -> byType.computeIfAbsent(row.recordType(), t -> new LinkedHashSet<>()).add(row.recordId()));
        Records platform = records;
        Map<String, Map<Long, String>> titles = new HashMap<>();
        if (platform == null) {
            return titles;
        }
        byType.forEach((type, ids) -> {
            try {
                titles.put(type, platform.shownTitles(type, ids));
            } catch (CrmException e) { // a type whose module is gone: neutral names
                LOG.debug("Titles of {} records not read: {}", type, e.getMessage());
            }
        });
        return titles;
    }

    /** @return the signed-in user; the system has no notifications */
    private String me() {
        Caller caller = callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        if (Caller.SYSTEM.equals(caller)) {
            throw new PermissionDeniedException("The system has no notifications; sign in as a user.");
        }
        return caller.username();
    }
}
