package org.tesseracrm.kernel.ui.internal.contrib;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.FieldDefinition;

/**
 * The bulk actions modules add to lists. Their id, label and permission are read once, when they
 * appear; an action whose metadata cannot be read never shows. {@code inputs} and {@code run} go
 * through the guard: a failing run is refused with an error id, and nothing else on the list breaks.
 */
@Component(service = BulkActionRegistry.class, immediate = true)
public class BulkActionRegistry extends ContributionRegistry<BulkAction> {

    /** @param guard isolates the actions */
    @Activate
    public BulkActionRegistry(@Reference SafeCaller guard) {
        super(guard, "");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeAction")
    void addAction(BulkAction action, Map<String, Object> properties) {
        add(action, properties);
    }

    void removeAction(BulkAction action) {
        remove(action);
    }

    @Override
    protected Optional<BulkAction> guarded(BulkAction action) {
        Optional<String> id = guard().call(action, "id", action::id);
        Optional<String> label = id.flatMap(i -> guard().call(action, "label", action::label));
        Optional<String> permission = label.flatMap(l -> guard().call(action, "permission", action::permission));
        return permission.map(p -> new Guarded(action, id.get(), label.get(), p, guard()));
    }

    /** A module's action with its metadata as read when it appeared, called through the guard. */
    private record Guarded(BulkAction action, String id, String label, String permission, SafeCaller guard)
            implements BulkAction {
        @Override
        public List<FieldDefinition> inputs() {
            return guard.call(action, "inputs", action::inputs).orElse(List.of());
        }

        @Override
        public String run(String recordType, List<Long> ids, Map<String, String> values) {
            return guard.require(action, "run", () -> action.run(recordType, ids, values));
        }

        @Override
        public String run(String recordType, List<Long> ids) {
            return run(recordType, ids, Map.of());
        }
    }
}
