package org.tesseracrm.kernel.ui.internal.shared;

import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.tesseracrm.kernel.api.security.Authentication;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RegionalSettings;

/** The logged-in user of an HTTP session. */
public final class ShellSession {
    private static final String CALLER = ShellSession.class.getName() + ".caller";
    private static final String MUST_CHANGE_PASSWORD = ShellSession.class.getName() + ".mustChangePassword";

    private ShellSession() {
    }

    /** @return the user logged in to the current Vaadin session */
    public static Optional<Caller> caller() {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        return http == null ? Optional.empty() : Optional.ofNullable((Caller) http.getAttribute(CALLER));
    }

    /** @return the user logged in to the HTTP session of a raw request, without creating a session */
    public static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Caller) session.getAttribute(CALLER));
    }

    /**
     * Marks the current session as logged in, under a new session id so an id known before login
     * (session fixation) is worthless.
     *
     * @param signIn the successful sign-in
     */
    public static void login(Authentication signIn) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            request.getHttpServletRequest().changeSessionId();
        }
        VaadinSession.getCurrent().getSession().setAttribute(CALLER, signIn.caller());
        VaadinSession.getCurrent().getSession().setAttribute(MUST_CHANGE_PASSWORD, signIn.passwordChangeRequired());
    }

    /**
     * Makes the signed-in user's time zone and locale those of the current Vaadin session: the kit's
     * {@link org.tesseracrm.kernel.ui.kit.LocalTimes} reads them from there, and the session's locale
     * (which its UIs and their date pickers follow) becomes the user's.
     *
     * @param settings the user's settings
     */
    public static void useRegional(RegionalSettings settings) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(RegionalSettings.class, settings);
        session.setLocale(settings.locale());
    }

    /** @return whether the signed-in user must choose a new password before anything else */
    public static boolean passwordChangeRequired() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getSession().getAttribute(MUST_CHANGE_PASSWORD));
    }

    /** Records that the user has chosen a new password. */
    public static void passwordChanged() {
        VaadinSession.getCurrent().getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.FALSE);
    }

    /**
     * Runs UI work pushed from a background thread as the session's user: a push has no HTTP request,
     * so nothing has bound a caller. Nothing runs if the user has signed out meanwhile.
     *
     * @param ui the UI to update
     * @param callers binds the user
     * @param work the UI work
     */
    public static void access(UI ui, CallerContext callers, Runnable work) {
        ui.access(() -> caller().ifPresent(caller -> callers.callAs(caller, () -> {
            work.run();
            return null;
        })));
    }

    /**
     * Ends the current HTTP session and tells the browser to forget its cookie. Otherwise the next
     * request (the login page) still carries the old id, and Jetty may create the new session under
     * that id while the invalidated one is still in its cache: "session already in cache", an error
     * page instead of the login page (seen in CI runs).
     */
    public static void logout() {
        VaadinSession.getCurrent().getSession().invalidate();
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            return;
        }
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        Cookie expired = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        String contextPath = request.getContextPath();
        expired.setPath(config.getPath() != null ? config.getPath() : contextPath.isEmpty() ? "/" : contextPath);
        expired.setMaxAge(0);
        expired.setHttpOnly(true);
        response.addCookie(expired);
    }
}
