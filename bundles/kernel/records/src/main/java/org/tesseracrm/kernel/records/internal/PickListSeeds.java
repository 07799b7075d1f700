package org.tesseracrm.kernel.records.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * Gives the pick-lists of each record type that appears the values its module declares
 * ({@link RecordType#initialPickList}) when they are empty, and puts back the values the module sets
 * ({@link RecordType#moduleValues}) when the admin's list lacks them or made them inactive. Modules declare; none
 * seeds its own lists.
 */
@Component(service = {}, immediate = true)
public class PickListSeeds {
    private static final Logger LOG = LoggerFactory.getLogger(PickListSeeds.class);

    private final FieldCatalog catalog;
    private final RecordTypes types;
    private final RecordTypes.Listener listener = new RecordTypes.Listener() {
        @Override
        public void added(RecordType type) {
            seed(type);
        }
    };

    /**
     * @param catalog the pick-lists, written without a caller: this is the platform's own upkeep
     * @param types the record types as they come
     */
    @Activate
    public PickListSeeds(@Reference FieldCatalog catalog, @Reference RecordTypeRegistry types) {
        this.catalog = catalog;
        this.types = types;
        types.addListener(listener);
        types.all().forEach(this::seed);
    }

    /** Stops following the record types. */
    @Deactivate
    void stop() {
        types.removeListener(listener);
    }

    private void seed(RecordType type) {
        for (FieldDefinition field : type.fields()) {
            if (field.type() != FieldType.PICKLIST && field.type() != FieldType.MULTI_PICKLIST) {
                continue;
            }
            List<PickListValue> initial = type.initialPickList(field.name());
            Set<String> module = type.moduleValues(field.name());
            if (initial.isEmpty() && module.isEmpty()) {
                continue;
            }
            try {
                List<PickListValue> current = catalog.pickList(type.id(), field.name());
                List<PickListValue> wanted = upkept(current, initial, module);
                if (!wanted.equals(current)) {
                    catalog.jdbc().inTransaction(c -> {
                        PickLists.replace(c, type.id(), field.name(), wanted);
                        return null;
                    });
                    catalog.changed(type.id());
                }
            } catch (CrmException e) {
                LOG.error("The pick-list {}.{} could not be given its module's values", type.id(), field.name(), e);
            }
        }
    }

    /**
     * @param current the list as stored
     * @param initial the module's first values
     * @param module the values the module sets
     * @return the initial values if the list is empty; else the list with every module value present and active
     *     (missing ones appended as the initial values give them, else plain)
     */
    static List<PickListValue> upkept(List<PickListValue> current, List<PickListValue> initial, Set<String> module) {
        if (current.isEmpty()) {
            List<PickListValue> first = new ArrayList<>(initial);
            module.stream().sorted().filter(v -> first.stream().noneMatch(x -> x.value().equals(v)))
                    .forEach(v -> first.add(PickListValue.of(v)));
            return List.copyOf(first);
        }
        List<PickListValue> kept = new ArrayList<>();
        for (PickListValue v : current) {
            kept.add(module.contains(v.value()) && !v.active()
                    ? new PickListValue(v.value(), v.colour(), v.isDefault(), true) : v);
        }
        module.stream().sorted().filter(v -> kept.stream().noneMatch(x -> x.value().equals(v)))
                .forEach(v -> kept.add(initial.stream().filter(x -> x.value().equals(v)).findFirst()
                        .map(x -> new PickListValue(x.value(), x.colour(), false, true)).orElse(PickListValue.of(v))));
        return List.copyOf(kept);
    }
}
