package org.tesseracrm.kernel.ui.internal.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.ui.internal.views.ApiTokensPanel;
import org.tesseracrm.kernel.ui.internal.views.RegionalFields;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Administration → Users: create, edit, deactivate and reset the password of users, and manage a user's API
 * tokens (e.g. those of a service user that scripts run as).
 */
@PageTitle("Users · Tessera CRM")
public class UsersView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient SecurityAdmin security;
    private final transient UserSettings settings;
    private final transient ApiTokens tokens;
    private final transient RecordTypes types;
    private final Grid<UserInfo> grid = new Grid<>();
    private transient Map<Long, String> roleNames = Map.of();
    private transient Map<Long, String> profileNames = Map.of();
    private transient Map<Long, String> groupNames = Map.of();

    /**
     * @param security the user store
     * @param settings the users' time zones and locales
     * @param tokens the users' API tokens
     * @param types the installed record types, which a token may be limited to
     */
    public UsersView(SecurityAdmin security, UserSettings settings, ApiTokens tokens, RecordTypes types) {
        this.security = security;
        this.settings = settings;
        this.tokens = tokens;
        this.types = types;
        setSizeFull();
        Button create = new Button("New user", e -> edit(null));
        create.setId("users-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("users-grid");
        grid.addColumn(UserInfo::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserInfo::fullName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(UserInfo::email).setHeader("E-mail").setAutoWidth(true);
        grid.addColumn(UserInfo::branch).setHeader("Branch").setAutoWidth(true);
        grid.addColumn(u -> roleNames.getOrDefault(u.roleId(), "")).setHeader("Role").setAutoWidth(true);
        grid.addColumn(u -> profileNames.getOrDefault(u.profileId(), "")).setHeader("Profile").setAutoWidth(true);
        grid.addColumn(u -> u.groupIds().stream().map(id -> groupNames.getOrDefault(id, "")).sorted()
                .collect(Collectors.joining(", "))).setHeader("Groups");
        grid.addColumn(u -> !u.active() ? "inactive" : u.locked() ? "locked" : "active").setHeader("Status");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(new H2("Users"), create, grid);
        refresh();
    }

    private void refresh() {
        roleNames = security.roles().stream().collect(Collectors.toMap(RoleInfo::id, RoleInfo::name));
        profileNames = security.profiles().stream().collect(Collectors.toMap(ProfileInfo::id, ProfileInfo::name));
        groupNames = security.groups().stream().collect(Collectors.toMap(GroupInfo::id, GroupInfo::name));
        grid.setItems(security.users());
    }

    private HorizontalLayout actions(UserInfo user) {
        Button edit = new Button("Edit", e -> edit(user));
        edit.setId("users-edit-" + user.username());
        Button toggle = new Button(user.active() ? "Deactivate" : "Activate", e -> {
            security.setActive(user.id(), !user.active());
            refresh();
        });
        toggle.setId("users-toggle-" + user.username());
        Button reset = new Button("Reset password", e -> resetPassword(user));
        reset.setId("users-reset-" + user.username());
        Button apiTokens = new Button("API tokens", e -> apiTokens(user));
        apiTokens.setId("users-tokens-" + user.username());
        HorizontalLayout buttons = new HorizontalLayout(edit, toggle, reset, apiTokens);
        buttons.getChildren().forEach(b -> ((Button) b).addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
        return buttons;
    }

    private void edit(UserInfo user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(user == null ? "New user" : "Edit " + user.username());
        TextField username = field(new TextField("User name"), "user-username");
        TextField fullName = field(new TextField("Name"), "user-fullname");
        EmailField email = field(new EmailField("E-mail"), "user-email");
        TextField branch = field(new TextField("Branch / office"), "user-branch");
        ComboBox<RoleInfo> role = field(new ComboBox<>("Role"), "user-role");
        List<RoleInfo> roles = security.roles();
        role.setItems(roles);
        role.setItemLabelGenerator(RoleInfo::name);
        ComboBox<ProfileInfo> profile = field(new ComboBox<>("Profile"), "user-profile");
        List<ProfileInfo> profiles = security.profiles();
        profile.setItems(profiles);
        profile.setItemLabelGenerator(ProfileInfo::name);
        MultiSelectComboBox<GroupInfo> groups = field(new MultiSelectComboBox<>("Groups"), "user-groups");
        List<GroupInfo> allGroups = security.groups();
        groups.setItems(allGroups);
        groups.setItemLabelGenerator(GroupInfo::name);
        PasswordField password = field(new PasswordField("Initial password"), "user-password");
        password.setHelperText("At least 10 characters; the user must change it at first sign-in.");
        // a new user's time zone and locale come from their browser at first sign-in
        RegionalFields regional = new RegionalFields("user");
        RegionalSettings regionalBefore = user == null ? RegionalSettings.DEFAULT : settings.regional(user.username());
        regional.show(regionalBefore);
        regional.zone().setVisible(user != null);
        regional.locale().setVisible(user != null);
        if (user != null) {
            username.setValue(user.username());
            username.setReadOnly(true);
            fullName.setValue(user.fullName());
            email.setValue(user.email());
            branch.setValue(user.branch());
            roles.stream().filter(r -> Objects.equals(r.id(), user.roleId())).findFirst().ifPresent(role::setValue);
            profiles.stream().filter(p -> Objects.equals(p.id(), user.profileId())).findFirst().ifPresent(profile::setValue);
            groups.setValue(allGroups.stream().filter(g -> user.groupIds().contains(g.id())).collect(Collectors.toSet()));
            password.setVisible(false);
        }
        Map<String, HasValidation> fields = new HashMap<>(Map.<String, HasValidation>of("username", username, "fullName", fullName,
                "email", email, "branch", branch, "role", role, "profile", profile, "groups", groups, "password", password));
        fields.putAll(regional.validations());
        FormLayout form = new FormLayout(username, fullName, email, branch, role, profile, groups, password,
                regional.zone(), regional.locale());
        dialog.add(form);
        Button save = new Button("Save", e -> {
            UserInput input = new UserInput(username.getValue(), fullName.getValue(), email.getValue(), branch.getValue(),
                    id(role.getValue(), RoleInfo::id), id(profile.getValue(), ProfileInfo::id),
                    groups.getValue().stream().map(GroupInfo::id).collect(Collectors.toSet()));
            try {
                if (user == null) {
                    security.createUser(input, password.getValue().toCharArray());
                } else {
                    security.updateUser(user.id(), input);
                    RegionalSettings chosen = regional.value(regionalBefore);
                    if (!chosen.equals(regionalBefore)) {
                        settings.changeRegional(user.username(), chosen);
                    }
                }
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields);
                return;
            }
            dialog.close();
            refresh();
            Notification.show("User " + input.username() + " saved.");
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void apiTokens(UserInfo user) {
        Dialog dialog = new Dialog();
        dialog.setId("users-tokens-dialog");
        dialog.setHeaderTitle("API tokens of " + user.username());
        dialog.setWidth("min(72em, 95vw)");
        // the user's own rights still bound every call made with the token: offering every type is safe
        dialog.add(new ApiTokensPanel(tokens, types, ApiTokensPanel.everyType(), user.username()));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void resetPassword(UserInfo user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + user.username());
        PasswordField password = field(new PasswordField("Temporary password"), "reset-password");
        password.setHelperText("The user must change it at the next sign-in. This also lifts a lockout.");
        dialog.add(password);
        Button save = new Button("Set password", e -> {
            try {
                security.resetPassword(user.id(), password.getValue().toCharArray());
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("password", password));
                return;
            }
            dialog.close();
            refresh();
            Notification.show("Password of " + user.username() + " reset.");
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static <T extends Component> T field(T field, String id) {
        field.setId(id);
        return field;
    }

    private static <T> Long id(T value, Function<T, Long> id) {
        return value == null ? null : id.apply(value);
    }
}
