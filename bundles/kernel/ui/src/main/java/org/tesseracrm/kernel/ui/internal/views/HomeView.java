package org.tesseracrm.kernel.ui.internal.views;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.home.HomeSectionRegistry;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The start page, the signed-in user's day: a greeting with today's date, then the sections modules
 * contribute ({@link org.tesseracrm.kernel.api.ui.HomeSection}) that the user may see, in their order, each
 * loading on its own. A section that fails shows a short notice; with no section installed the page lists
 * the modules open to the user.
 *
 * <p>Element ids: {@code home-greeting}, {@code home-sections}; each section is a {@code section} with the
 * class {@code home-section} (and {@code home-section-failed} when it failed); {@code tessera-modules} is the
 * module list.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Tessera CRM")
public class HomeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /**
     * @param modules the installed modules
     * @param access lists only the modules and sections the user may view
     * @param callers the signed-in user, for the greeting
     * @param sections the contributed sections
     */
    public HomeView(ModuleRegistry modules, AccessControl access, CallerContext callers, HomeSectionRegistry sections) {
        LocalTimes times = LocalTimes.current();
        String name = callers.current().map(c -> ", " + c.username()).orElse("");
        H2 greeting = new H2("Hello" + name);
        greeting.setId("home-greeting");
        Paragraph today = new Paragraph("Today is " + times.format(LocalDate.now(times.settings().zone())) + ".");
        today.getStyle().set("margin-top", "0").set("color", "var(--lumo-secondary-text-color)");
        add(greeting, today);

        List<HomeSectionRegistry.Created> shown = sections.create(access::permitted);
        if (shown.isEmpty()) {
            addModules(modules, access);
            return;
        }
        Div grid = new Div();
        grid.setId("home-sections");
        grid.setWidthFull();
        grid.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(auto-fill, minmax(22rem, 1fr))");
        for (HomeSectionRegistry.Created created : shown) {
            // Text components escape their content: a module's title never becomes HTML.
            Section section = new Section(new H3(created.title()));
            section.addClassName("home-section");
            section.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)");
            if (created.failed()) {
                section.addClassName("home-section-failed");
                section.add(new Paragraph("This section could not be shown. The rest of the page works; an "
                        + "administrator finds the cause under Administration → Modules."));
            } else {
                created.component().ifPresent(section::add);
            }
            grid.add(section);
        }
        add(grid);
    }

    private void addModules(ModuleRegistry modules, AccessControl access) {
        UnorderedList list = new UnorderedList();
        list.setId("tessera-modules");
        // A module being disabled is STOPPING while open pages are sent here: list only running ones.
        List<InstalledModule> running = modules.modules().stream().filter(m -> m.state().equals("ACTIVE"))
                .filter(m -> access.permitted(m.id() + ".view")).toList();
        for (InstalledModule module : running) {
            // Text components escape their content: module metadata never becomes HTML.
            list.add(new ListItem(module.name() + " " + module.version() + " — " + module.description()));
        }
        add(running.isEmpty()
                ? new Paragraph("No modules are open to you yet. An administrator can install modules and give your "
                        + "profile permissions.")
                : new Paragraph("Your modules:"), list);
    }
}
