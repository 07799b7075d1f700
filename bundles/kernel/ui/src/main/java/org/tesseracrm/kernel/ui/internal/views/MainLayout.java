package org.tesseracrm.kernel.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.shared.Registration;

import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.ui.internal.vaadin.MenuEntry;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;
import org.tesseracrm.kernel.ui.internal.vaadin.ViewRegistry;

/**
 * The frame around every view: top bar with the modules' header items, the user and logout, side menu
 * built from the installed modules' menu entries. Both are rebuilt live (server push) when modules
 * come and go; a user on a
 * view whose module was just removed is taken home.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    private final transient ViewRegistry views;
    private final transient AccessControl access;
    private final transient CallerContext callers;
    private final VerticalLayout menu = new VerticalLayout();
    private final Span user = new Span();
    private final HorizontalLayout header = new HorizontalLayout();
    private transient List<HeaderItem> shownItems = List.of();
    private Registration menuListener;

    /**
     * @param views the contributed views, for the menu
     * @param access shows only the entries the user may open
     * @param callers binds the user while the menu is rebuilt from a background thread
     */
    public MainLayout(ViewRegistry views, AccessControl access, CallerContext callers) {
        this.views = views;
        this.access = access;
        this.callers = callers;
        H1 brand = new H1("Tessera CRM");
        brand.addClassName("tessera-brand");
        user.addClassName("tessera-user");
        user.setId("tessera-user");
        Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), e -> {
            ShellSession.logout();
            UI.getCurrent().getPage().setLocation("login");
        });
        logout.setId("tessera-logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button password = new Button("Change password", new Icon(VaadinIcon.KEY),
                e -> UI.getCurrent().navigate(ChangePasswordView.class));
        password.setId("tessera-change-password");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button profile = new Button("My profile", new Icon(VaadinIcon.USER),
                e -> UI.getCurrent().navigate(ProfileView.class));
        profile.setId("tessera-profile");
        profile.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        header.setId("tessera-header-items");
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-s)").set("margin-left", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), brand, user, header, profile, password, logout);
        menu.setId("tessera-menu");
        menu.setPadding(false);
        menu.setSpacing(true);
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
        rebuild(views.menu());
        rebuildHeader();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // AccessGuard has already checked sign-in, password and permission before the view was created.
        ShellSession.caller().ifPresent(caller -> user.setText(caller.username()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        menuListener = views.addMenuListener(entries -> ShellSession.access(ui, callers, () -> menuChanged(ui, entries)));
        rebuild(views.menu());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (menuListener != null) {
            menuListener.remove();
        }
        super.onDetach(event);
    }

    private void menuChanged(UI ui, List<MenuEntry> entries) {
        rebuild(entries);
        rebuildHeader();
        HasElement shown = getContent();
        if (shown != null && !(shown instanceof HomeView) && !(shown instanceof HasErrorParameter)
                && views.contributionFor(shown.getClass()).isEmpty()) {
            ui.navigate(HomeView.class);
            Notification.show("The module of the page you were on was disabled by an administrator.");
        }
    }

    private void rebuild(List<MenuEntry> entries) {
        menu.removeAll();
        SideNav main = new SideNav();
        main.addItem(new SideNavItem("Home", "", new Icon(VaadinIcon.HOME)));
        menu.add(main);
        Map<String, SideNav> groups = new LinkedHashMap<>();
        for (MenuEntry entry : entries) {
            if (!entry.openTo(access)) {
                continue;
            }
            SideNav nav = entry.group().isEmpty() ? main : groups.computeIfAbsent(entry.group(), g -> {
                SideNav groupNav = new SideNav(g);
                groupNav.setCollapsible(true);
                menu.add(groupNav);
                return groupNav;
            });
            nav.addItem(new SideNavItem(entry.title(), entry.route(), icon(entry.icon())));
        }
    }

    /** Shows the contributed header items, when they changed; the guard leaves out one that fails. */
    private void rebuildHeader() {
        List<HeaderItem> items = views.headerItems();
        if (items.equals(shownItems) && header.getComponentCount() > 0) {
            return;
        }
        shownItems = items;
        header.removeAll();
        List<com.vaadin.flow.component.Component> created = new ArrayList<>();
        for (HeaderItem item : items) {
            item.create().ifPresent(created::add); // the registry's items are guarded: a failing one gives none
        }
        created.forEach(header::add);
    }

    private static Icon icon(String name) {
        int colon = name.indexOf(':');
        return colon > 0 ? new Icon(name.substring(0, colon), name.substring(colon + 1)) : new Icon(VaadinIcon.FILE_O);
    }
}
