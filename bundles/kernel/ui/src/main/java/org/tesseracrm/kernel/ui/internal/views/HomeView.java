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

/** The start page: what this installation offers. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Tessera CRM")
public class HomeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** @param modules the installed modules */
    public HomeView(ModuleRegistry modules) {
        add(new H2("Welcome to Tessera CRM"));
        UnorderedList list = new UnorderedList();
        list.setId("tessera-modules");
        // A module being disabled is STOPPING while open pages are sent here: list only running ones.
        List<InstalledModule> running = modules.modules().stream().filter(m -> m.state().equals("ACTIVE")).toList();
        for (InstalledModule module : running) {
            // Text components escape their content: module metadata never becomes HTML.
            list.add(new ListItem(module.name() + " " + module.version() + " — " + module.description()));
        }
        add(running.isEmpty()
                ? new Paragraph("No modules are installed yet. An administrator can enable them with crm:module-enable.")
                : new Paragraph("Installed modules:"), list);
    }
}
