package org.tesseracrm.kernel.ui.internal.views;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.Authentication;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/** The sign-in page; every other page forwards here until the user has signed in. */
@Route("login")
@PageTitle("Sign in · Tessera CRM")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    /**
     * @param authenticator checks the credentials
     * @param callers binds the user who just signed in for the rest of the sign-in request
     * @param settings the user's time zone and locale, the browser's at their first sign-in
     */
    public LoginView(Authenticator authenticator, CallerContext callers, UserSettings settings) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginForm form = new LoginForm();
        form.setId("tessera-login");
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> {
            char[] password = event.getPassword().toCharArray();
            try {
                Optional<Authentication> signIn = authenticator.authenticate(event.getUsername(), password);
                if (signIn.isPresent()) {
                    ShellSession.login(signIn.get());
                    // This request began signed out: bind the new user for the page it now builds.
                    callers.callAs(signIn.get().caller(), () -> {
                        useRegional(settings);
                        if (signIn.get().passwordChangeRequired()) {
                            UI.getCurrent().navigate(ChangePasswordView.class);
                        } else {
                            UI.getCurrent().navigate(HomeView.class);
                        }
                        return null;
                    });
                } else {
                    refuse(form, "Incorrect user name or password",
                            "Check that you have entered the correct user name and password and try again.");
                }
            } catch (CrmException locked) {
                refuse(form, "Sign-in refused", locked.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
        });
        add(new H1("Tessera CRM"), new Paragraph("Sign in to continue."), form);
    }

    /**
     * Shows times in the user's zone and locale from now on; at their first sign-in those are their
     * browser's (its time zone arrives with the next round trip).
     */
    private static void useRegional(UserSettings settings) {
        ShellSession.useRegional(settings.regional());
        VaadinRequest request = VaadinRequest.getCurrent();
        Locale browserLocale = request == null || request.getLocale() == null ? RegionalSettings.DEFAULT.locale()
                : request.getLocale();
        UI.getCurrent().getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone;
            try {
                zone = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException e) { // none or unknown: the default
                zone = RegionalSettings.DEFAULT.zone();
            }
            try {
                ShellSession.useRegional(settings.adoptIfUnset(new RegionalSettings(zone, browserLocale)));
            } catch (CrmException e) {
                // signed out meanwhile: nothing to adopt
            }
        });
    }

    private static void refuse(LoginForm form, String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle(title);
        error.setMessage(message);
        i18n.setErrorMessage(error);
        form.setI18n(i18n);
        form.setError(true);
        form.setEnabled(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (ShellSession.caller().isPresent()) {
            event.forwardTo(HomeView.class);
        }
    }
}
