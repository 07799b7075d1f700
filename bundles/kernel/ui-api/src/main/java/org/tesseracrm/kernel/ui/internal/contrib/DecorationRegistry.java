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
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RowDecoration;

/**
 * The row decorations modules add to lists. A decoration reads data of its own for each page, so it
 * runs on the guard's pool with a deadline: one that fails or hangs leaves its flags out, the page
 * shows without them.
 */
@Component(service = DecorationRegistry.class, immediate = true)
public class DecorationRegistry extends ContributionRegistry<RowDecoration> {

    /** @param guard isolates the decorations and times them out */
    @Activate
    public DecorationRegistry(@Reference SafeCaller guard) {
        super(guard, "");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDecoration")
    void addDecoration(RowDecoration decoration, Map<String, Object> properties) {
        add(decoration, properties);
    }

    void removeDecoration(RowDecoration decoration) {
        remove(decoration);
    }

    @Override
    protected Optional<RowDecoration> guarded(RowDecoration decoration) {
        return Optional.of(new Guarded(decoration, guard()));
    }

    /** A module's decoration, called on the guard's pool with its deadline. */
    private record Guarded(RowDecoration decoration, SafeCaller guard) implements RowDecoration {
        @Override
        public Optional<Mark> decorate(RecordRow row) {
            return guard.callWithTimeout(decoration, "decorate", () -> decoration.decorate(row).orElse(null));
        }

        @Override
        public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
            return guard.callWithTimeout(decoration, "decorate", () -> Map.copyOf(decoration.decorate(recordType, page)))
                    .orElse(Map.of());
        }
    }
}
