package org.tesseracrm.kernel.ui.internal.views;

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
        for (InstalledModule module : modules.modules()) {
            // Text components escape their content: module metadata never becomes HTML.
            list.add(new ListItem(module.name() + " " + module.version() + " — " + module.description()));
        }
        add(modules.modules().isEmpty()
                ? new Paragraph("No modules are installed yet. An administrator can enable them with crm:module-enable.")
                : new Paragraph("Installed modules:"), list);
    }
}
