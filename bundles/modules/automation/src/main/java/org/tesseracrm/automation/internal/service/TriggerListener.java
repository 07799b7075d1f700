package org.tesseracrm.automation.internal.service;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Hears the events of contributed triggers ({@link TriggerEvent#ALL_TOPICS}), posted after their change committed,
 * and hands those a rule listens to to the {@link RuleEngine}, as the system in a transaction of its own.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + TriggerEvent.ALL_TOPICS)
public class TriggerListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerListener.class);

    private final RuleEngine engine;
    private final Records records;
    private final CallerContext callers;

    /**
     * @param engine queues the runs
     * @param records reads the records the events are about
     * @param callers runs the work as the system
     */
    @Activate
    public TriggerListener(@Reference RuleEngine engine, @Reference Records records,
            @Reference CallerContext callers) {
        this.engine = engine;
        this.records = records;
        this.callers = callers;
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        TriggerEvent trigger;
        try {
            trigger = TriggerEvent.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignored an event on {} that is not a trigger event: {}", event.getTopic(), e.getMessage());
            return;
        }
        if (!engine.listens(trigger)) {
            return;
        }
        try {
            callers.callAs(Caller.SYSTEM, () -> {
                engine.triggered(trigger, records);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Trigger {} on {} #{} started no run: {}", trigger.trigger(), trigger.recordType(),
                    trigger.recordId(), e.getMessage(), e);
        }
    }
}
