package org.tesseracrm.kernel.ui.internal.views;

import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * Lets the signed-in user choose a new password. Users who must change theirs (the first admin) are
 * sent here by every other page until they have.
 */
@Route("change-password")
@PageTitle("Change password · Tessera CRM")
public class ChangePasswordView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    private final transient Authenticator authenticator;
    private final PasswordField current = field("current-password", "Current password");
    private final PasswordField proposed = field("new-password", "New password");
    private final PasswordField repeated = field("repeat-password", "New password again");
    private final Map<String, PasswordField> fields = Map.of("currentPassword", current, "newPassword", proposed,
            "repeatPassword", repeated);
    private final Paragraph reason = new Paragraph();
    private final Button cancel = new Button("Cancel", e -> UI.getCurrent().navigate(HomeView.class));

    /** @param authenticator changes the password */
    public ChangePasswordView(Authenticator authenticator) {
        this.authenticator = authenticator;
        setAlignItems(FlexComponent.Alignment.CENTER);
        proposed.setHelperText("At least 10 characters, without your user name.");
        Button save = new Button("Change password", e -> save());
        save.setId("change-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(current, proposed, repeated, new HorizontalLayout(cancel, save));
        form.setWidth("24em");
        add(new H2("Change your password"), reason, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (ShellSession.caller().isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        boolean forced = ShellSession.passwordChangeRequired();
        reason.setText(forced ? "Before you start, replace the initial password of this account with your own." : "");
        cancel.setVisible(!forced);
    }

    private void save() {
        FieldErrors.clear(fields);
        try {
            authenticator.changePassword(current.getValue().toCharArray(), proposed.getValue().toCharArray(),
                    repeated.getValue().toCharArray());
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
            return;
        }
        ShellSession.passwordChanged();
        UI.getCurrent().navigate(HomeView.class);
        Notification.show("Your password has been changed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static PasswordField field(String id, String label) {
        PasswordField field = new PasswordField(label);
        field.setId(id);
        field.setWidthFull();
        return field;
    }
}
