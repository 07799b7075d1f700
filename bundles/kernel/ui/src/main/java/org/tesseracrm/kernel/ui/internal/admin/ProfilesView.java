package org.tesseracrm.kernel.ui.internal.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Administration → Profiles: the module × permission matrix, built from the permission sets of the
 * modules installed right now. Permissions of a module that is not installed stay in the profile.
 */
@PageTitle("Profiles · Tessera CRM")
public class ProfilesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient SecurityAdmin security;
    private final transient Supplier<List<PermissionGroup>> permissionGroups;
    private final Grid<ProfileInfo> grid = new Grid<>();
    private final TextField name = new TextField("Profile name");
    private final Checkbox fullAccess = new Checkbox("Full access: every permission of every module, and every record");
    private final VerticalLayout matrix = new VerticalLayout();
    private final Map<String, Checkbox> boxes = new LinkedHashMap<>();
    private final Paragraph hint = new Paragraph("Choose a profile on the left or create one.");
    private final VerticalLayout form = new VerticalLayout();
    private final Button delete = new Button("Delete", e -> delete());
    private ProfileInfo selected;

    /**
     * @param security the profile store
     * @param permissionGroups the installed modules' permissions, read each time the page shows a profile
     */
    public ProfilesView(SecurityAdmin security, Supplier<List<PermissionGroup>> permissionGroups) {
        this.security = security;
        this.permissionGroups = permissionGroups;
        setSizeFull();
        grid.setId("profiles-grid");
        grid.addColumn(ProfileInfo::name).setHeader("Profile");
        grid.addColumn(p -> p.fullAccess() ? "full access" : p.permissions().size() + " permissions").setHeader("Grants");
        grid.setWidth("22em");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                showNone();
            } else {
                show(e.getValue());
            }
        });
        name.setId("profile-name");
        fullAccess.setId("profile-full-access");
        fullAccess.addValueChangeListener(e -> boxes.values().forEach(b -> b.setEnabled(!e.getValue())));
        matrix.setId("profile-matrix");
        matrix.setPadding(false);
        Button create = new Button("New profile", e -> {
            grid.deselectAll();
            show(null);
            name.focus();
        });
        create.setId("profiles-new");
        Button save = new Button("Save", e -> save());
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setId("profile-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        form.add(name, fullAccess, matrix, new HorizontalLayout(save, delete));
        form.setPadding(false);
        hint.setId("profile-hint");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        // Nothing to edit until a profile is chosen or New profile is clicked: a hint, not a blank form.
        VerticalLayout side = new VerticalLayout(grid, create);
        side.setPadding(false);
        side.setWidth(null);
        side.setFlexGrow(1, grid);
        VerticalLayout detail = new VerticalLayout(hint, form);
        detail.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(side, detail);
        body.setSizeFull();
        body.setFlexGrow(1, detail);
        add(new H2("Profiles"), new Paragraph("A profile says what its users may do in each module. "
                + "Which records they see follows their role."), body);
        refresh();
    }

    private void refresh() {
        grid.setItems(security.profiles());
        showNone();
    }

    /** Before a profile is chosen: only the hint. */
    private void showNone() {
        selected = null;
        form.setVisible(false);
        hint.setVisible(true);
    }

    /** Shows a profile to edit, or an empty form for a new one (null). */
    private void show(ProfileInfo profile) {
        selected = profile;
        hint.setVisible(false);
        form.setVisible(true);
        delete.setVisible(profile != null);
        name.setValue(profile == null ? "" : profile.name());
        name.setInvalid(false);
        Set<String> granted = profile == null ? Set.of() : profile.permissions();
        boxes.clear();
        matrix.removeAll();
        for (PermissionGroup group : permissionGroups.get()) {
            FlexLayout row = new FlexLayout();
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.getStyle().set("gap", "var(--lumo-space-m)");
            for (Permission permission : group.permissions()) {
                Checkbox box = new Checkbox(permission.label(), granted.contains(permission.id()));
                box.setId("perm-" + permission.id());
                boxes.put(permission.id(), box);
                row.add(box);
            }
            matrix.add(new H4(group.label()), row);
        }
        fullAccess.setValue(profile != null && profile.fullAccess());
        boxes.values().forEach(b -> b.setEnabled(!fullAccess.getValue()));
    }

    private void save() {
        Set<String> permissions = new HashSet<>(selected == null ? Set.of() : selected.permissions());
        boxes.forEach((id, box) -> {
            if (box.getValue()) {
                permissions.add(id);
            } else {
                permissions.remove(id);
            }
        });
        try {
            security.saveProfile(new ProfileInfo(selected == null ? null : selected.id(), name.getValue(),
                    fullAccess.getValue(), permissions));
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.of("name", name));
            return;
        }
        Notification.show("Profile " + name.getValue().trim() + " saved.");
        refresh();
    }

    private void delete() {
        if (selected != null) {
            security.deleteProfile(selected.id());
            Notification.show("Profile " + selected.name() + " deleted.");
            refresh();
        }
    }
}
