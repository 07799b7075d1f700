package org.tesseracrm.kernel.ui.internal.views;

import java.util.Optional;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;

import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;
import org.tesseracrm.kernel.ui.internal.vaadin.ViewRegistry;

/**
 * Decides, before a view is even created, whether the user may open it: signed in, account still
 * active, password changed if required, and the view's permission granted by the profile. Registered
 * on every UI, so no route is reachable by typing its URL.
 */
public final class AccessGuard implements BeforeEnterListener {
    private static final long serialVersionUID = 1L;

    private final transient ViewRegistry views;
    private final transient AccessControl access;
    private final transient CallerContext callers;

    /**
     * @param views the contributed views and the permission each needs
     * @param access what the user may do
     * @param callers binds the user while checking
     */
    public AccessGuard(ViewRegistry views, AccessControl access, CallerContext callers) {
        this.views = views;
        this.access = access;
        this.callers = callers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class) {
            return;
        }
        Optional<Caller> caller = ShellSession.caller();
        if (caller.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        callers.callAs(caller.get(), () -> {
            check(event, target);
            return null;
        });
    }

    private void check(BeforeEnterEvent event, Class<?> target) {
        try {
            access.visibility(); // refuses a deactivated account
        } catch (PermissionDeniedException e) {
            ShellSession.logout();
            event.forwardTo(LoginView.class);
            return;
        }
        if (ShellSession.passwordChangeRequired()) {
            if (target != ChangePasswordView.class) {
                event.forwardTo(ChangePasswordView.class);
            }
            return;
        }
        if (!views.entryFor(target).map(entry -> entry.openTo(access)).orElse(true)) {
            event.forwardTo(HomeView.class);
            Notification.show("Your profile does not give you access to that page.");
        }
    }
}
