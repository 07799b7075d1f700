package org.tesseracrm.kernel.core.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.Authentication;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.TesseraPrincipal;

/**
 * JAAS login against the kernel's users, for the Karaf shell (SSH) and anything else configured with
 * realm {@value TesseraRealm#NAME}. Only active users whose profile grants
 * {@value AdministrationPermissions#SHELL} get in; they receive Karaf's administrative roles. The
 * realm passes the {@link Authenticator} and {@link Grants} in the module options.
 */
public class TesseraLoginModule implements LoginModule {
    static final String AUTHENTICATOR = "tessera.authenticator";
    static final String GRANTS = "tessera.grants";
    /** Karaf roles a shell user gets: everything the stock {@code karaf} user has. */
    static final List<String> KARAF_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbacks;
    private Authenticator authenticator;
    private Grants grants;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject target, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = target;
        this.callbacks = handler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR);
        this.grants = (Grants) options.get(GRANTS);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword() == null ? new char[0] : password.getPassword();
        Optional<Authentication> signedIn;
        try {
            signedIn = authenticator.authenticate(name.getName(), secret);
        } catch (PermissionDeniedException locked) {
            throw new FailedLoginException(locked.getMessage());
        } finally {
            password.clearPassword();
        }
        if (signedIn.isEmpty()) {
            throw new FailedLoginException("Wrong user name or password.");
        }
        String user = signedIn.get().caller().username();
        // The password was right, so the reason may be told (ShellSignInMessages passes it to the client).
        if (signedIn.get().passwordChangeRequired()) {
            throw refused("Sign-in refused: user '" + user + "' must choose a new password first. Sign in to the "
                    + "web UI once, then try again.");
        }
        if (!grants.of(user).permits(AdministrationPermissions.SHELL)) {
            throw refused("Sign-in refused: the profile of user '" + user + "' does not grant 'use the Karaf shell' ("
                    + AdministrationPermissions.SHELL + ").");
        }
        principals.add(new TesseraPrincipal(user));
        principals.add(new UserPrincipal(user));
        KARAF_ROLES.forEach(role -> principals.add(new RolePrincipal(role)));
        return true;
    }

    private static FailedLoginException refused(String reason) {
        ShellRefusal.explain(reason);
        return new FailedLoginException(reason);
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
