package org.tesseracrm.kernel.ui.internal.vaadin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.shared.Registration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.internal.contrib.HeaderItemRegistry;
import org.tesseracrm.kernel.ui.internal.views.MainLayout;

/**
 * Follows {@link ViewContribution} services: registers each one's route in Vaadin's route registry
 * when it appears and removes it when it goes, keeps the menu model and tells open layouts when the
 * menu changed; tells them too when the {@link HeaderItemRegistry}'s top-bar items come and go. Calls into
 * module code go through the kernel's {@link SafeCaller}: a contribution whose view type cannot be read
 * is skipped (and shown degraded), one whose view cannot be created gets the error page, not the shell.
 */
@org.osgi.service.component.annotations.Component(service = ViewRegistry.class, immediate = true)
public class ViewRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ViewRegistry.class);

    /** A contribution with its menu metadata. */
    record Contributed(ViewContribution contribution, MenuEntry entry, Class<? extends Component> type) {
    }

    private final List<Contributed> contributions = new CopyOnWriteArrayList<>();
    /** Contributions whose route another one holds; the first of them takes over when it goes. */
    private final List<Contributed> waiting = new CopyOnWriteArrayList<>();
    private final Set<ApplicationRouteRegistry> routeRegistries = new CopyOnWriteArraySet<>();
    private final Set<Consumer<List<MenuEntry>>> menuListeners = new CopyOnWriteArraySet<>();
    private final SafeCaller guard;
    private final HeaderItemRegistry headerItems;
    private final Registration headerListener;

    /**
     * @param guard isolates the calls into the contributions
     * @param headerItems the top-bar items, whose changes reach open layouts as menu changes
     */
    @Activate
    public ViewRegistry(@Reference SafeCaller guard, @Reference HeaderItemRegistry headerItems) {
        this.guard = guard;
        this.headerItems = headerItems;
        this.headerListener = headerItems.addListener(this::fireMenuChanged);
    }

    @Deactivate
    void deactivate() {
        headerListener.remove();
    }

    /** @return the contributed top-bar items, in their order, each called through the guard */
    public List<HeaderItem> headerItems() {
        return headerItems.all();
    }

    /** @return the guard, for the calls the shell makes into a contribution (creating its view) */
    public SafeCaller guard() {
        return guard;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindContribution(ViewContribution contribution, Map<String, Object> props) {
        MenuEntry entry = MenuEntry.of(props);
        Optional<Class<? extends Component>> viewType = guard.call(contribution, "viewType", contribution::viewType);
        if (viewType.isEmpty()) {
            return; // the guard logged it and shows it degraded
        }
        Class<? extends Component> type = viewType.get();
        if (entry.route().isEmpty()) {
            LOG.error("View {} has no route; it is skipped", type.getName());
            return;
        }
        Contributed contributed = new Contributed(contribution, entry, type);
        if (route(entry.route()).isPresent()) {
            LOG.error("Route '{}' of view {} is taken; it waits until the other view goes", entry.route(),
                    type.getName());
            waiting.add(contributed);
            return;
        }
        add(contributed);
    }

    synchronized void unbindContribution(ViewContribution contribution) {
        waiting.removeIf(c -> c.contribution() == contribution);
        contributions.stream().filter(c -> c.contribution() == contribution).findFirst().ifPresent(c -> {
            contributions.remove(c);
            routeRegistries.forEach(r -> r.update(() -> RouteConfiguration.forRegistry(r).removeRoute(c.entry().route())));
            LOG.info("Removed route '{}'", c.entry().route());
            waiting.stream().filter(w -> w.entry().route().equals(c.entry().route())).findFirst().ifPresentOrElse(w -> {
                waiting.remove(w);
                add(w);
            }, this::fireMenuChanged);
        });
    }

    private void add(Contributed contributed) {
        contributions.add(contributed);
        routeRegistries.forEach(r -> register(r, contributed));
        fireMenuChanged();
    }

    /** Called by the servlet once Vaadin is initialised: registers every known route. */
    synchronized void attach(ApplicationRouteRegistry registry) {
        routeRegistries.add(registry);
        contributions.forEach(c -> register(registry, c));
    }

    /** Called when the servlet stops: a later one on the same context starts from the same registry. */
    synchronized void detach(ApplicationRouteRegistry registry) {
        routeRegistries.remove(registry);
        registry.update(() -> contributions.forEach(c -> RouteConfiguration.forRegistry(registry)
                .removeRoute(c.entry().route())));
    }

    /**
     * @param type a view class
     * @return the contribution that creates views of that class, if it is still installed
     */
    public Optional<ViewContribution> contributionFor(Class<?> type) {
        return contributions.stream().filter(c -> c.type() == type).map(Contributed::contribution).findFirst();
    }

    /**
     * @param type a view class
     * @return the menu entry (with the required permission) of the contribution of that class
     */
    public Optional<MenuEntry> entryFor(Class<?> type) {
        return contributions.stream().filter(c -> c.type() == type).map(Contributed::entry).findFirst();
    }

    /** @return the visible menu entries, ordered by group, order and title */
    public List<MenuEntry> menu() {
        return contributions.stream().map(Contributed::entry).filter(MenuEntry::visible)
                .sorted(Comparator.comparing(MenuEntry::group).thenComparingInt(MenuEntry::order)
                        .thenComparing(MenuEntry::title))
                .toList();
    }

    /**
     * @param listener called with the new menu after every change of the menu or the header items, on
     *     the thread that changed it
     * @return removes the listener
     */
    public Registration addMenuListener(Consumer<List<MenuEntry>> listener) {
        menuListeners.add(listener);
        return () -> menuListeners.remove(listener);
    }

    private Optional<Contributed> route(String route) {
        return contributions.stream().filter(c -> c.entry().route().equals(route)).findFirst();
    }

    private static void register(ApplicationRouteRegistry registry, Contributed c) {
        registry.update(() -> RouteConfiguration.forRegistry(registry)
                .setRoute(c.entry().route(), c.type(), List.of(MainLayout.class)));
        LOG.info("Registered route '{}' -> {}", c.entry().route(), c.type().getName());
    }

    private void fireMenuChanged() {
        List<MenuEntry> menu = menu();
        for (Consumer<List<MenuEntry>> listener : menuListeners) {
            guard.call(listener, "menuChanged", () -> {
                listener.accept(menu);
                return null;
            });
        }
    }
}
