package org.tesseracrm.kernel.records.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;

/** The record types of the installed modules, as they come and go. */
@Component(service = RecordTypeRegistry.class)
public class RecordTypeRegistry {
    private final Map<String, RecordType> types = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addType(RecordType type) {
        types.put(type.id(), type);
    }

    public void removeType(RecordType type) {
        types.remove(type.id(), type);
    }

    /**
     * @param id a record type id
     * @return the installed record type
     * @throws NotFoundException if its module is not installed
     */
    RecordType require(String id) {
        RecordType type = types.get(id);
        if (type == null) {
            throw new NotFoundException("No module providing record type \"" + id + "\" is installed.");
        }
        return type;
    }

    /** @return every installed record type */
    java.util.Collection<RecordType> all() {
        return java.util.List.copyOf(types.values());
    }

    /** @return the installed record type with that id, if any */
    Optional<RecordType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    /**
     * @param id a record type id
     * @param access the caller's permissions
     * @param action a standard action of the owning module, e.g. {@code view}
     * @return the installed record type, once the caller holds {@code <moduleId>.<action>}
     * @throws NotFoundException if its module is not installed
     */
    RecordType allowed(String id, AccessControl access, String action) {
        RecordType type = require(id);
        access.require(type.moduleId() + "." + action);
        return type;
    }
}
