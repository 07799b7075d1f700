package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.tesseracrm.kernel.api.automation.Parameter;

/**
 * A trigger or an action rules can use, as the admin UI lists it.
 *
 * @param id its id, e.g. {@code record.fieldChanged} or {@code activities.create}
 * @param label what administrators read
 * @param recordTypes the record type ids it applies to; {@code *} alone for every type
 * @param parameters the configuration the admin UI asks for
 * @param bundle the symbolic name of the bundle that contributes it
 */
public record Contribution(String id, String label, Set<String> recordTypes, List<Parameter> parameters,
        String bundle) {
    /** Checks the parts are present and keeps unmodifiable copies. */
    public Contribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(bundle, "bundle");
        recordTypes = Set.copyOf(recordTypes);
        parameters = List.copyOf(parameters);
    }
}
