package org.tesseracrm.projects.internal.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.projects.api.ProjectMember;
import org.tesseracrm.projects.api.Projects;

/**
 * "Members" on a project form ({@code project-members}): each member with their role, Remove
 * ({@code project-member-remove-<user>}) and, for users who may edit projects, a user
 * ({@code project-member-user}), a role ({@code project-member-role}) and Add ({@code project-member-add}). Members
 * see the project whoever owns it. Everything goes through the projects service, which checks the permissions.
 */
class MembersPanel extends ProjectSection {
    private static final long serialVersionUID = 1L;

    private final transient Projects projects;
    private final long projectId;
    private final boolean editor;

    private MembersPanel(Projects projects, long projectId, boolean editor) {
        super("project-members", "Members");
        this.projects = projects;
        this.projectId = projectId;
        this.editor = editor;
        refresh();
    }

    /** @return the panel; empty if the user does not see the project */
    static Optional<MembersPanel> of(Projects projects, long projectId, boolean editor) {
        try {
            return Optional.of(new MembersPanel(projects, projectId, editor));
        } catch (CrmException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void fill() {
        List<ProjectMember> members = projects.members(projectId);
        if (members.isEmpty()) {
            content.add(new Text("No members yet: members see the project even if they do not own it."));
        }
        members.forEach(m -> content.add(row(m)));
        if (editor) {
            content.add(adder());
        }
    }

    private HorizontalLayout row(ProjectMember member) {
        Span name = new Span(member.username());
        Span role = new Span(member.role());
        role.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout row = new HorizontalLayout(name, role);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editor) {
            Button remove = new Button("Remove", e -> act(() -> projects.removeMember(projectId, member.username()),
                    member.username() + " is no longer a member"));
            remove.setId("project-member-remove-" + member.username());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(remove);
        }
        return row;
    }

    private HorizontalLayout adder() {
        ComboBox<String> user = new ComboBox<>("User");
        user.setId("project-member-user");
        user.setItems(projects.memberCandidates());
        TextField role = new TextField("Role");
        role.setId("project-member-role");
        role.setMaxLength(100);
        role.setPlaceholder("optional");
        Button add = new Button("Add", e -> act(() -> projects.addMember(projectId, user.getValue(),
                role.getValue()), "Member saved"));
        add.setId("project-member-add");
        HorizontalLayout row = new HorizontalLayout(user, role, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
