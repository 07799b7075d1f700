package org.tesseracrm.kernel.ui.internal.notification;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import org.osgi.service.event.Event;
import org.tesseracrm.kernel.api.notification.Notifications;

/**
 * The bells on open pages, by user: each bell listens from attach to detach, and an event of
 * {@link Notifications#TOPIC} reaches the bells of its recipient only. A user with no bell open leaves no entry.
 */
final class BellListeners {
    private final Map<String, Set<LongConsumer>> byUser = new ConcurrentHashMap<>();

    /**
     * @param username whose notifications the bell shows
     * @param listener told the id of each new notification, on the thread that posts the event (hand it to the UI)
     * @return stops listening; running it again does nothing
     */
    Runnable listen(String username, LongConsumer listener) {
        byUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> byUser.computeIfPresent(username, (u, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /** Tells the recipient's bells; an event without recipient or id is ignored. */
    void heard(Event event) {
        if (event.getProperty(Notifications.EVENT_USERNAME) instanceof String username
                && event.getProperty(Notifications.EVENT_ID) instanceof Long id) {
            byUser.getOrDefault(username, Set.of()).forEach(listener -> listener.accept(id));
        }
    }

    /** @return how many bells listen, over all users */
    int size() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    /** @return how many users have a bell listening */
    int users() {
        return byUser.size();
    }
}
