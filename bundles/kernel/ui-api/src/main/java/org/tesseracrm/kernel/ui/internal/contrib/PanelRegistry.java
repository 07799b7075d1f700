package org.tesseracrm.kernel.ui.internal.contrib;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/**
 * The form panels modules add to the forms of saved records, in their {@link RecordPanel#ORDER}. A
 * panel builds Vaadin components, so it is called on the UI thread; one that fails is left out of the
 * form.
 */
@org.osgi.service.component.annotations.Component(service = PanelRegistry.class, immediate = true)
public class PanelRegistry extends ContributionRegistry<RecordPanel> {

    /** @param guard isolates the panels */
    @Activate
    public PanelRegistry(@Reference SafeCaller guard) {
        super(guard, RecordPanel.ORDER);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removePanel")
    void addPanel(RecordPanel panel, Map<String, Object> properties) {
        add(panel, properties);
    }

    void removePanel(RecordPanel panel) {
        remove(panel);
    }

    @Override
    protected Optional<RecordPanel> guarded(RecordPanel panel) {
        return Optional.of(new Guarded(panel, guard()));
    }

    /** A module's panel, called through the guard on the calling (UI) thread. */
    private record Guarded(RecordPanel panel, SafeCaller guard) implements RecordPanel {
        @Override
        public Optional<Component> create(String recordType, long recordId, String title) {
            return guard.call(panel, "create", () -> panel.create(recordType, recordId, title).orElse(null));
        }
    }
}
