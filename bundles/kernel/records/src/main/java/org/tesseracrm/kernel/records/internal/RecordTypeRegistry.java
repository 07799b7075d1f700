package org.tesseracrm.kernel.records.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * The record types of the installed modules, as they come and go: the one place that tracks
 * {@link RecordType} services. Readers get an immutable snapshot, replaced on every change; listeners
 * hear of each change. Every type it hands out is {@link GuardedRecordType guarded}.
 */
@Component(service = {RecordTypeRegistry.class, RecordTypes.class}, immediate = true)
public class RecordTypeRegistry implements RecordTypes {
    private final SafeCaller guard;
    /** By id; replaced whole on every change, never changed in place. */
    private volatile Map<String, Entry> snapshot = Map.of();
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

    /** A registered type and what the registry hands out for it. */
    private record Entry(RecordType service, RecordType guarded) {
    }

    /** @param guard isolates failures of the modules' record types */
    @Activate
    public RecordTypeRegistry(@Reference SafeCaller guard) {
        this.guard = guard;
    }

    /** For unit tests of the platform that do not test the guard: calls module code directly. */
    RecordTypeRegistry() {
        this(new PassThrough());
    }

    /** @param type a module's record type; one whose id cannot be read is skipped (and degraded) */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeType")
    public void addType(RecordType type) {
        Optional<String> id = guard.call(type, "id", type::id);
        if (id.isEmpty()) {
            return;
        }
        if (guard.call(type, "register", () -> Identifiers.checked(type)).isEmpty()) {
            return; // names that are no plain SQL identifiers: the guard logged it and reports the module degraded
        }
        RecordType guarded = new GuardedRecordType(type, id.get(), guard);
        synchronized (this) {
            Map<String, Entry> next = new LinkedHashMap<>(snapshot);
            next.put(id.get(), new Entry(type, guarded));
            snapshot = Map.copyOf(next);
        }
        for (Listener listener : listeners) {
            guard.call(listener, "added", () -> {
                listener.added(guarded);
                return null;
            });
        }
    }

    /** @param type a module's record type that went away */
    public void removeType(RecordType type) {
        Entry removed;
        synchronized (this) {
            Map<String, Entry> next = new LinkedHashMap<>(snapshot);
            removed = next.values().stream().filter(e -> e.service() == type).findFirst().orElse(null);
            if (removed == null) {
                return;
            }
            next.values().remove(removed);
            snapshot = Map.copyOf(next);
        }
        for (Listener listener : listeners) {
            guard.call(listener, "removed", () -> {
                listener.removed(removed.guarded());
                return null;
            });
        }
    }

    @Override
    public List<RecordType> all() {
        return snapshot.values().stream().map(Entry::guarded).sorted(Comparator.comparing(RecordType::id)).toList();
    }

    @Override
    public Optional<RecordType> find(String id) {
        return Optional.ofNullable(snapshot.get(id)).map(Entry::guarded);
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** @return the guard, for the platform's other calls into module code */
    SafeCaller guard() {
        return guard;
    }

    /**
     * @param id a record type id
     * @param access the caller's permissions
     * @param action a standard action of the owning module, e.g. {@code view}
     * @return the installed record type, once the caller holds {@code <moduleId>.<action>}
     * @throws org.tesseracrm.kernel.api.NotFoundException if its module is not installed
     */
    RecordType allowed(String id, AccessControl access, String action) {
        RecordType type = require(id);
        access.require(type.moduleId() + "." + action);
        return type;
    }

    /** Calls straight through: for unit tests that give the registry no guard. */
    private static final class PassThrough implements SafeCaller {
        @Override
        public <T> Optional<T> call(Object contribution, String operation, Supplier<T> call) {
            return Optional.ofNullable(call.get());
        }

        @Override
        public <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call) {
            return Optional.ofNullable(call.get());
        }

        @Override
        public <T> T require(Object contribution, String operation, Supplier<T> call) {
            return call.get();
        }

        @Override
        public List<DegradedContribution> degraded() {
            return List.of();
        }
    }
}
