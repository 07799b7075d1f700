package org.tesseracrm.kernel.ui.internal.admin;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/** Administration → Groups: teams and queues; members are chosen on the user form. */
@PageTitle("Groups · Tessera CRM")
public class GroupsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient SecurityAdmin security;
    private final Grid<GroupInfo> grid = new Grid<>();
    private final TextField name = new TextField("Group name");

    /** @param security the group store */
    public GroupsView(SecurityAdmin security) {
        this.security = security;
        grid.setId("groups-grid");
        grid.addColumn(GroupInfo::name).setHeader("Group");
        grid.asSingleSelect().addValueChangeListener(e -> name.setValue(e.getValue() == null ? "" : e.getValue().name()));
        name.setId("group-name");
        Button add = new Button("Add", e -> save(null));
        add.setId("group-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button rename = new Button("Rename selected", e -> {
            GroupInfo selected = grid.asSingleSelect().getValue();
            if (selected != null) {
                save(selected.id());
            }
        });
        Button delete = new Button("Delete selected", e -> {
            GroupInfo selected = grid.asSingleSelect().getValue();
            if (selected != null) {
                security.deleteGroup(selected.id());
                refresh();
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout bar = new HorizontalLayout(name, add, rename, delete);
        bar.setAlignItems(Alignment.BASELINE);
        add(new H2("Groups"), bar, grid);
        refresh();
    }

    private void save(Long id) {
        try {
            security.saveGroup(id, name.getValue());
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.of("name", name));
            return;
        }
        Notification.show("Group " + name.getValue().trim() + " saved.");
        name.clear();
        name.setInvalid(false);
        refresh();
    }

    private void refresh() {
        grid.setItems(security.groups());
    }
}
