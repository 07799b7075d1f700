package org.tesseracrm.kernel.ui.internal.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.PageTitle;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Administration → Roles: the role tree. A user sees the records of users whose role is below theirs;
 * select a role to rename it, move it under another role or delete it.
 */
@PageTitle("Roles · Tessera CRM")
public class RolesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient SecurityAdmin security;
    private final TreeGrid<RoleInfo> tree = new TreeGrid<>();
    private final TextField name = new TextField("Role name");
    private final ComboBox<RoleInfo> parent = new ComboBox<>("Reports to");
    private RoleInfo selected;
    private transient Map<Long, RoleInfo> byId = Map.of();

    /** @param security the role store */
    public RolesView(SecurityAdmin security) {
        this.security = security;
        setSizeFull();
        tree.setId("roles-tree");
        tree.addHierarchyColumn(RoleInfo::name).setHeader("Role");
        tree.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        name.setId("role-name");
        parent.setId("role-parent");
        parent.setItemLabelGenerator(RoleInfo::name);
        parent.setClearButtonVisible(true);
        parent.setHelperText("Empty for a top role.");
        Button create = new Button("New role", e -> select(null));
        create.setId("roles-new");
        Button save = new Button("Save", e -> save());
        save.setId("role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button("Delete", e -> delete());
        delete.setId("role-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout form = new VerticalLayout(name, parent, new HorizontalLayout(create, save, delete));
        form.setWidth("22em");
        HorizontalLayout body = new HorizontalLayout(tree, form);
        body.setSizeFull();
        tree.setWidth("28em");
        add(new H2("Roles"), new Paragraph("Managers see the records of everyone whose role is below theirs, "
                + "and may assign records to them."), body);
        refresh();
    }

    private void refresh() {
        List<RoleInfo> roles = security.roles();
        byId = roles.stream().collect(Collectors.toMap(RoleInfo::id, r -> r));
        TreeData<RoleInfo> data = new TreeData<>();
        for (RoleInfo role : roles) { // parents come before their children
            data.addItem(parentOf(role), role);
        }
        tree.setTreeData(data);
        tree.expandRecursively(data.getRootItems(), 20);
        parent.setItems(roles);
        select(null);
    }

    private void select(RoleInfo role) {
        selected = role;
        FieldErrors.clear(Map.of("name", name, "parent", parent));
        name.setValue(role == null ? "" : role.name());
        // A new role goes below the role selected in the tree; an existing one shows its own parent.
        parent.setValue(role == null ? tree.asSingleSelect().getValue() : parentOf(role));
    }

    private RoleInfo parentOf(RoleInfo role) {
        return role.parentId() == null ? null : byId.get(role.parentId());
    }

    private void save() {
        try {
            RoleInfo up = parent.getValue();
            security.saveRole(selected == null ? null : selected.id(), name.getValue(), up == null ? null : up.id());
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.of("name", name, "parent", parent));
            return;
        }
        Notification.show("Role " + name.getValue().trim() + " saved.");
        refresh();
    }

    private void delete() {
        if (selected != null) {
            security.deleteRole(selected.id());
            Notification.show("Role " + selected.name() + " deleted.");
            refresh();
        }
    }
}
