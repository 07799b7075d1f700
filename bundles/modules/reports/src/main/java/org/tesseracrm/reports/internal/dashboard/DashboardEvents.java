package org.tesseracrm.reports.internal.dashboard;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.record.RecordEvents;

/**
 * Tells the open dashboards which record types changed, so a widget over those records refreshes: one listener
 * for the whole module, on the event admin's thread; each open dashboard adds itself while attached. The
 * dashboard pushes the change to its page, which waits a moment for more before it reads again (debounced in
 * the browser: no thread of the module's own). Registered only as an event handler (it holds no user data and
 * offers nothing to call); the dashboard screens get it by its component name.
 */
@Component(service = EventHandler.class,
        property = EventConstants.EVENT_TOPIC + "=" + RecordEvents.ALL_TOPICS)
public class DashboardEvents implements EventHandler {
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();

    /**
     * @param listener told the record type of every record change
     * @return removes it
     */
    public Runnable listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(RecordEvents.TYPE) instanceof String type) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(type);
                } catch (RuntimeException e) {
                    // a page that went away meanwhile: its detach removes it
                }
            }
        }
    }
}
