package org.tesseracrm.kernel.ui.internal.contrib;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.ui.HeaderItem;

/**
 * The top-bar items modules add, in their {@link HeaderItem#ORDER}. Each is created on the UI thread of
 * a session; one that fails is left out of the top bar.
 */
@org.osgi.service.component.annotations.Component(service = HeaderItemRegistry.class, immediate = true)
public class HeaderItemRegistry extends ContributionRegistry<HeaderItem> {

    /** @param guard isolates the items */
    @Activate
    public HeaderItemRegistry(@Reference SafeCaller guard) {
        super(guard, HeaderItem.ORDER);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeItem")
    void addItem(HeaderItem item, Map<String, Object> properties) {
        add(item, properties);
    }

    void removeItem(HeaderItem item) {
        remove(item);
    }

    @Override
    protected Optional<HeaderItem> guarded(HeaderItem item) {
        return Optional.of(new Guarded(item, guard()));
    }

    /** A module's item, called through the guard on the session's UI thread. */
    private record Guarded(HeaderItem item, SafeCaller guard) implements HeaderItem {
        @Override
        public Optional<Component> create() {
            return guard.call(item, "create", () -> item.create().orElse(null));
        }
    }
}
