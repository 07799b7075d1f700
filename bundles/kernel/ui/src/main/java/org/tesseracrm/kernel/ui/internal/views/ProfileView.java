package org.tesseracrm.kernel.ui.internal.views;

import java.time.Instant;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * My profile, opened from the user's name in the top bar: their time zone and locale, which every
 * screen, export and reminder uses for dates and times, the way to change their password, and their
 * personal API tokens ({@link ApiTokensPanel}).
 */
@Route(value = "profile", layout = MainLayout.class)
@PageTitle("My profile · Tessera CRM")
public class ProfileView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient UserSettings settings;
    private final RegionalFields regional = new RegionalFields("profile");
    private final Paragraph sample = new Paragraph();

    /**
     * @param settings reads and stores the user's settings
     * @param tokens the user's API tokens
     * @param types the installed record types, which a token may be limited to
     * @param access which of them the user may see
     */
    public ProfileView(UserSettings settings, ApiTokens tokens, RecordTypes types, AccessControl access) {
        this.settings = settings;
        String username = ShellSession.caller().map(Caller::username).orElse("");
        RegionalSettings mine = settings.regional();
        regional.show(mine);
        sample.setId("profile-sample");
        showSample(mine);
        regional.zone().addValueChangeListener(e -> showSample(regional.value(mine)));
        regional.locale().addValueChangeListener(e -> showSample(regional.value(mine)));
        Button save = new Button("Save", e -> save(username, mine));
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button password = new Button("Change password", e -> UI.getCurrent().navigate(ChangePasswordView.class));
        password.setId("profile-change-password");
        VerticalLayout form = new VerticalLayout(regional.zone(), regional.locale(), sample,
                new HorizontalLayout(save, password));
        form.setPadding(false);
        form.setMaxWidth("32em");
        H3 apiTokens = new H3("API tokens");
        apiTokens.setId("profile-api-tokens");
        add(new H2("My profile: " + username), form, apiTokens,
                new ApiTokensPanel(tokens, types, ApiTokensPanel.viewableBy(access::permitted), username));
    }

    private void showSample(RegionalSettings chosen) {
        sample.setText("Dates and times will look like this: " + LocalTimes.of(chosen).format(Instant.now()));
    }

    private void save(String username, RegionalSettings before) {
        FieldErrors.clear(regional.validations());
        RegionalSettings saved;
        try {
            saved = settings.changeRegional(username, regional.value(before));
        } catch (ValidationException e) {
            FieldErrors.show(e, regional.validations());
            return;
        }
        ShellSession.useRegional(saved); // every page opened from now on uses them
        Notification.show("Your time zone and language were saved.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
