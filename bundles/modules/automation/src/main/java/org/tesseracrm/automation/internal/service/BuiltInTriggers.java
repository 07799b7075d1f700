package org.tesseracrm.automation.internal.service;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.tesseracrm.automation.internal.engine.RecordTriggers;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Registers the engine's own triggers ({@link RecordTriggers}) as {@link Trigger} services, so the catalogue lists
 * them beside the contributed ones. The engine itself decides when they happen, from record changes and timers;
 * nobody posts their events.
 */
@Component(immediate = true, service = {})
public class BuiltInTriggers {
    private final List<ServiceRegistration<Trigger>> registrations = new ArrayList<>();

    /** A built-in trigger as a service. */
    private record BuiltIn(String id) implements Trigger {
        @Override
        public String label() {
            return RecordTriggers.label(id);
        }

        @Override
        public Set<String> recordTypes() {
            return Set.of(RecordType.ALL);
        }

        @Override
        public List<Parameter> parameters() {
            return RecordTriggers.parameters(id);
        }
    }

    /** @param context registers the services */
    @Activate
    public BuiltInTriggers(BundleContext context) {
        for (String id : RecordTriggers.IDS) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Trigger.ID, id);
            registrations.add(context.registerService(Trigger.class, new BuiltIn(id), properties));
        }
    }

    /** Unregisters them. */
    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
