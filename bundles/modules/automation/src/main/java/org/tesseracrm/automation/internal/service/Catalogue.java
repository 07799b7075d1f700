package org.tesseracrm.automation.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.Trigger;

/**
 * The triggers and actions installed now: every {@link Trigger} and {@link Action} service of any bundle (the
 * engine's own included), tracked as they come and go. A rule using one that is not here is suspended; when one
 * comes (back), the listeners hear of it so waiting runs go on.
 */
@Component(service = Catalogue.class)
public class Catalogue {
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);

    private record Entry<T>(T service, String bundle) {
    }

    private final Map<String, Entry<Trigger>> triggers = new ConcurrentHashMap<>();
    private final Map<String, Entry<Action>> actions = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @param trigger a trigger service that came @param ref its reference */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTrigger(Trigger trigger, ServiceReference<Trigger> ref) {
        String id = String.valueOf(ref.getProperty(Trigger.ID));
        if (!id.equals(trigger.id())) {
            LOG.warn("Trigger service of bundle {} has {}={} but id() {}; it is listed as {}", bundle(ref),
                    Trigger.ID, id, trigger.id(), trigger.id());
        }
        triggers.put(trigger.id(), new Entry<>(trigger, bundle(ref)));
        came();
    }

    /** @param trigger a trigger service that went */
    void removeTrigger(Trigger trigger) {
        triggers.values().removeIf(e -> e.service() == trigger);
    }

    /** @param action an action service that came @param ref its reference */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(Action action, ServiceReference<Action> ref) {
        actions.put(action.id(), new Entry<>(action, bundle(ref)));
        came();
    }

    /** @param action an action service that went */
    void removeAction(Action action) {
        actions.values().removeIf(e -> e.service() == action);
    }

    private static String bundle(ServiceReference<?> ref) {
        return ref.getBundle() == null ? "" : ref.getBundle().getSymbolicName();
    }

    private void came() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("Waiting automation runs could not be resumed now: {}", e.getMessage(), e);
            }
        }
    }

    /** @param listener told each time a trigger or an action comes */
    void onArrival(Runnable listener) {
        listeners.add(listener);
    }

    /** @param listener no longer told */
    void noArrival(Runnable listener) {
        listeners.remove(listener);
    }

    /** @param id a trigger id @return the trigger, if installed */
    Optional<Trigger> trigger(String id) {
        return Optional.ofNullable(triggers.get(id)).map(Entry::service);
    }

    /** @param id an action id @return the action, if installed */
    Optional<Action> action(String id) {
        return Optional.ofNullable(actions.get(id)).map(Entry::service);
    }

    /**
     * @param rule a rule
     * @return the ids of its trigger and actions that are not installed now, in the rule's order, each once
     */
    List<String> missing(Rule rule) {
        List<String> missing = new ArrayList<>();
        if (!triggers.containsKey(rule.trigger())) {
            missing.add(rule.trigger());
        }
        for (RuleAction step : rule.actions()) {
            if (!actions.containsKey(step.action()) && !missing.contains(step.action())) {
                missing.add(step.action());
            }
        }
        return missing;
    }

    /** @return the triggers, by label */
    List<Contribution> triggers() {
        return listed(triggers, t -> new Contribution(t.id(), t.label(), t.recordTypes(), t.parameters(), ""));
    }

    /** @return the actions, by label */
    List<Contribution> actions() {
        return listed(actions, a -> new Contribution(a.id(), a.label(), a.recordTypes(), a.parameters(), ""));
    }

    /** A contribution that fails to describe itself is left out of the list (and logged), not the whole list. */
    private static <T> List<Contribution> listed(Map<String, Entry<T>> entries, Function<T, Contribution> describe) {
        List<Contribution> listed = new ArrayList<>();
        for (Entry<T> entry : entries.values()) {
            try {
                Contribution c = describe.apply(entry.service());
                listed.add(new Contribution(c.id(), c.label(), c.recordTypes(), c.parameters(), entry.bundle()));
            } catch (RuntimeException e) {
                LOG.warn("A trigger or action of bundle {} cannot describe itself and is not listed: {}",
                        entry.bundle(), e.getMessage());
            }
        }
        listed.sort(Comparator.comparing(Contribution::label));
        return listed;
    }
}
