package org.tesseracrm.kernel.ui.internal.contrib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.shared.Registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The contributions of one kind (openHAB's {@code AbstractRegistry} is the model): readers get an
 * immutable snapshot, replaced whole on every change, and listeners hear of each change. What it hands
 * out are guarded wrappers made once per contribution, so every call into the module goes through the
 * {@link SafeCaller} and one that fails is skipped; a contribution whose fixed metadata cannot even be
 * read is left out from the start.
 *
 * <p>A subclass is the DS component: it declares the dynamic reference and hands each service to
 * {@link #add} and {@link #remove}.
 *
 * @param <S> the contribution's service type
 */
public abstract class ContributionRegistry<S> {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionRegistry.class);
    private static final int DEFAULT_ORDER = 100;

    /**
     * A contribution as the registry keeps it.
     *
     * @param service the module's service object
     * @param guarded what readers get instead
     * @param recordType the record type its {@link RecordType#ID} names, {@link RecordType#ALL}, or empty
     * @param order its place among its kind (lower first)
     */
    protected record Entry<S>(S service, S guarded, String recordType, int order) {
        /** @return whether it is for lists or forms of that record type */
        boolean appliesTo(String type) {
            return recordType.equals(type) || recordType.equals(RecordType.ALL);
        }
    }

    private final SafeCaller guard;
    private final String orderProperty;
    private volatile List<Entry<S>> snapshot = List.of();
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    /**
     * @param guard isolates the calls into the contributions
     * @param orderProperty the service property that orders them, or empty if they have no order
     */
    protected ContributionRegistry(SafeCaller guard, String orderProperty) {
        this.guard = Objects.requireNonNull(guard);
        this.orderProperty = orderProperty;
    }

    /** @return the guard the wrappers call through */
    protected SafeCaller guard() {
        return guard;
    }

    /**
     * @param service a module's contribution
     * @return what readers get instead: a wrapper that calls it through the guard, or empty to skip it
     */
    protected abstract Optional<S> guarded(S service);

    /**
     * @param service a contribution that appeared
     * @param properties its service properties
     */
    protected void add(S service, Map<String, Object> properties) {
        Optional<S> guarded = guarded(service);
        if (guarded.isEmpty()) {
            return;
        }
        Entry<S> entry = new Entry<>(service, guarded.get(), String.valueOf(properties.getOrDefault(RecordType.ID, "")),
                order(service, properties));
        synchronized (this) {
            List<Entry<S>> next = new ArrayList<>(snapshot);
            next.add(entry);
            next.sort(Comparator.comparingInt(Entry::order)); // stable: equal orders keep their arrival
            snapshot = List.copyOf(next);
        }
        changed();
    }

    /** @param service a contribution that went away */
    protected void remove(S service) {
        boolean removed;
        synchronized (this) {
            List<Entry<S>> next = new ArrayList<>(snapshot);
            removed = next.removeIf(e -> e.service() == service);
            snapshot = List.copyOf(next);
        }
        if (removed) {
            changed();
        }
    }

    /** @return every contribution's guarded wrapper, in their order */
    public List<S> all() {
        return snapshot.stream().map(Entry::guarded).toList();
    }

    /**
     * @param recordType a record type id
     * @return the guarded wrappers of the contributions for that type or for every type, in their order
     */
    public List<S> forType(String recordType) {
        return snapshot.stream().filter(e -> e.appliesTo(recordType)).map(Entry::guarded).toList();
    }

    /**
     * @param listener told after every change, on the thread that made it
     * @return removes the listener
     */
    public Registration addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            guard.call(listener, "changed", () -> {
                listener.run();
                return null;
            });
        }
    }

    private int order(S service, Map<String, Object> properties) {
        Object order = orderProperty.isEmpty() ? null : properties.get(orderProperty);
        if (order == null) {
            return DEFAULT_ORDER;
        }
        try {
            return Integer.parseInt(order.toString().strip());
        } catch (NumberFormatException e) {
            LOG.warn("{} has a malformed {}; it goes among the unordered ones", service.getClass().getName(),
                    orderProperty);
            return DEFAULT_ORDER;
        }
    }
}
