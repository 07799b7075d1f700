package org.tesseracrm.kernel.ui.internal.views;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.security.AccessControl;

/** The start page: what this installation offers. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Tessera CRM")
public class HomeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /**
     * @param modules the installed modules
     * @param access lists only the modules the user may view
     */
    public HomeView(ModuleRegistry modules, AccessControl access) {
        add(new H2("Welcome to Tessera CRM"));
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
