package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.Authentication;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;

class TesseraLoginModuleTest {
    private static final String PASSWORD = "right-password";

    /** Users: "shell" may use the shell, "lowpriv" may not, "newbie" must change its password. */
    private final Authenticator authenticator = new Authenticator() {
        @Override
        public Optional<Authentication> authenticate(String username, char[] password) {
            boolean known = Set.of("shell", "lowpriv", "newbie").contains(username);
            if (!known || !PASSWORD.equals(new String(password))) {
                return Optional.empty();
            }
            return Optional.of(new Authentication(new Caller(username), username.equals("newbie")));
        }

        @Override
        public void changePassword(char[] current, char[] proposed, char[] repeated) {
            throw new UnsupportedOperationException();
        }
    };

    private final Grants grants = new Grants(null, null) {
        @Override
        Grant of(String username) {
            Set<String> permissions = username.equals("lowpriv") ? Set.of() : Set.of(AdministrationPermissions.SHELL);
            return new Grant(true, false, permissions, null, List.of(), Set.of(), Map.of(), 0, "");
        }
    };

    @AfterEach
    void forgetReasons() {
        ShellRefusal.take();
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSameAndGiveNoReason() {
        FailedLoginException wrongPassword = assertThrows(FailedLoginException.class, () -> login("lowpriv", "nope"));
        assertEquals(Optional.empty(), ShellRefusal.take());
        FailedLoginException unknownUser = assertThrows(FailedLoginException.class, () -> login("nobody", PASSWORD));
        assertEquals(Optional.empty(), ShellRefusal.take());
        assertEquals(wrongPassword.getMessage(), unknownUser.getMessage());
    }

    @Test
    void aRightPasswordWithoutTheShellPermissionSaysSo() {
        assertThrows(FailedLoginException.class, () -> login("lowpriv", PASSWORD));
        String reason = ShellRefusal.take().orElseThrow();
        assertTrue(reason.contains("administration.shell"), reason);
    }

    @Test
    void anAccountThatMustChangeItsPasswordIsToldToDoSoInTheWebUi() {
        assertThrows(FailedLoginException.class, () -> login("newbie", PASSWORD));
        String reason = ShellRefusal.take().orElseThrow();
        assertTrue(reason.contains("new password") && reason.contains("web UI"), reason);
    }

    @Test
    void aShellUserGetsKarafsRoles() throws Exception {
        Subject subject = new Subject();
        TesseraLoginModule module = module(subject, "shell", PASSWORD);
        assertTrue(module.login());
        module.commit();
        assertTrue(subject.getPrincipals().stream().anyMatch(p -> p.getName().equals("ssh")));
        assertEquals(Optional.empty(), ShellRefusal.take());
    }

    private void login(String user, String password) throws Exception {
        module(new Subject(), user, password).login();
    }

    private TesseraLoginModule module(Subject subject, String user, String password) {
        TesseraLoginModule module = new TesseraLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, Map.of(), Map.of(TesseraLoginModule.AUTHENTICATOR, authenticator, TesseraLoginModule.GRANTS, grants));
        return module;
    }
}
