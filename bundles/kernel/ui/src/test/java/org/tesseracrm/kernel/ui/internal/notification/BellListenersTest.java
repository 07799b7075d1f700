package org.tesseracrm.kernel.ui.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tesseracrm.kernel.api.notification.Notifications;

class BellListenersTest {
    private final BellListeners listeners = new BellListeners();

    @Test
    void anEventReachesTheRecipientsBellsOnly() {
        List<String> heard = new ArrayList<>();
        listeners.listen("anna", id -> heard.add("anna tab 1: " + id));
        listeners.listen("anna", id -> heard.add("anna tab 2: " + id));
        listeners.listen("ben", id -> heard.add("ben: " + id));

        listeners.heard(event("anna", 7L));
        listeners.heard(event("carl", 8L));
        listeners.heard(new Event(Notifications.TOPIC, Map.of(Notifications.EVENT_USERNAME, "anna")));

        assertEquals(List.of("anna tab 1: 7", "anna tab 2: 7"), heard.stream().sorted().toList());
    }

    @Test
    void closedPagesLeaveNothingBehind() {
        List<Long> heard = new ArrayList<>();
        Runnable first = listeners.listen("anna", heard::add);
        Runnable second = listeners.listen("anna", heard::add);
        assertEquals(2, listeners.size());
        first.run();
        first.run(); // twice is harmless
        assertEquals(1, listeners.size());
        second.run();
        assertEquals(0, listeners.size());
        assertEquals(0, listeners.users(), "no entry kept for a user without open bells");
        listeners.heard(event("anna", 1L));
        assertEquals(List.of(), heard);
    }

    private static Event event(String user, long id) {
        return new Event(Notifications.TOPIC, Map.of(Notifications.EVENT_USERNAME, user, Notifications.EVENT_ID, id));
    }
}
