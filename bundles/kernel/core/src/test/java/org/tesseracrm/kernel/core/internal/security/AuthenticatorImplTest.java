package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.security.Authentication;

/**
 * The first admin at the first start, on the kernel's persistence unit over an in-memory Derby: from configuration
 * (admin/admin, to be changed) or from the environment (TESSERA_ADMIN_*, usable at once), and never an admin the
 * operator did not ask for.
 */
class AuthenticatorImplTest {
    private static final String STRONG = "Bootstrap-2026-pw";
    private static KernelUnit unit;

    @TempDir
    Path etc;

    @BeforeAll
    static void openUnit() {
        unit = KernelUnit.open("authenticator");
    }

    @AfterAll
    static void closeUnit() {
        unit.close();
    }

    @BeforeEach
    void noAccounts() {
        unit.jpa().tx(em -> em.createQuery("SELECT u FROM UserAccount u", UserAccount.class).getResultList()
                .forEach(em::remove));
    }

    @Test
    void withoutTheEnvironmentTheConfiguredAdminMustChangeThePassword() {
        AuthenticatorImpl authenticator = start(Map.of());

        assertEquals(Optional.of(true), signIn(authenticator, "admin", "admin").map(Authentication::passwordChangeRequired));
        assertTrue(Files.exists(etc.resolve(FirstAdmin.MARKER)));
    }

    @Test
    void aPasswordFromTheEnvironmentIsUsableAtOnceWithoutAForcedChange() {
        AuthenticatorImpl authenticator = start(Map.of(BootstrapAdmin.PASSWORD, STRONG));

        assertEquals(Optional.of(false), signIn(authenticator, "admin", STRONG).map(Authentication::passwordChangeRequired));
        assertEquals(Optional.empty(), signIn(authenticator, "admin", "admin"), "no configured password besides it");
        assertEquals(HealthStatus.up(), authenticator.status());
        assertTrue(Files.exists(etc.resolve(FirstAdmin.MARKER)));
    }

    @Test
    void aPasswordFileIsReadWithoutItsTrailingLineBreak() throws Exception {
        Path secret = Files.writeString(etc.resolve("admin-password"), STRONG + "\n");

        AuthenticatorImpl authenticator = start(Map.of(BootstrapAdmin.PASSWORD_FILE, secret.toString()));

        assertEquals(Optional.of(false), signIn(authenticator, "admin", STRONG).map(Authentication::passwordChangeRequired));
    }

    @Test
    void theUserNameMayComeFromTheEnvironmentToo() {
        AuthenticatorImpl authenticator = start(Map.of(BootstrapAdmin.USERNAME, " ops ", BootstrapAdmin.PASSWORD, STRONG));

        assertTrue(signIn(authenticator, "ops", STRONG).isPresent());
        assertEquals(Optional.empty(), signIn(authenticator, "admin", STRONG));
    }

    @Test
    void aWeakPasswordCreatesNoAdminAtAllAndReportsWhyWithoutTheValue() {
        AuthenticatorImpl authenticator = start(Map.of(BootstrapAdmin.PASSWORD, "s3cret"));

        assertEquals(0, accounts(), "neither the weak password's admin nor admin/admin");
        assertEquals(HealthStatus.State.DOWN, authenticator.status().state());
        String reason = authenticator.status().detail();
        assertTrue(reason.contains("TESSERA_ADMIN_PASSWORD does not meet the password policy: Use at least 10 "
                + "characters."), reason);
        assertFalse(reason.contains("s3cret"), reason);
        assertFalse(Files.exists(etc.resolve(FirstAdmin.MARKER)), "the next start with a good password must create it");

        AuthenticatorImpl corrected = start(Map.of(BootstrapAdmin.PASSWORD, STRONG));
        assertTrue(signIn(corrected, "admin", STRONG).isPresent(), "created at the next start");
    }

    @Test
    void anEmptyPasswordOrOneWithTheUserNameIsRefusedToo() {
        assertTrue(start(Map.of(BootstrapAdmin.PASSWORD, "")).status().detail()
                .contains("The password in TESSERA_ADMIN_PASSWORD is empty."));
        assertTrue(start(Map.of(BootstrapAdmin.PASSWORD, "my-admin-password")).status().detail()
                .contains("Do not use your user name in your password."));
        assertTrue(start(Map.of(BootstrapAdmin.USERNAME, "system", BootstrapAdmin.PASSWORD, STRONG)).status().detail()
                .contains("TESSERA_ADMIN_USERNAME is not a valid user name: 'system' is reserved."));
        assertEquals(0, accounts());
    }

    @Test
    void theVariableAndTheFileTogetherAreRefusedRatherThanGuessed() throws Exception {
        Path secret = Files.writeString(etc.resolve("admin-password"), "Another-2026-pw");

        AuthenticatorImpl authenticator = start(Map.of(BootstrapAdmin.PASSWORD, STRONG,
                BootstrapAdmin.PASSWORD_FILE, secret.toString()));

        assertEquals(0, accounts());
        assertTrue(authenticator.status().detail().startsWith("Both TESSERA_ADMIN_PASSWORD and "
                + "TESSERA_ADMIN_PASSWORD_FILE are set; set only one of them."), authenticator.status().detail());
    }

    @Test
    void theEnvironmentIsIgnoredOnceAnAdminExists() {
        start(Map.of());

        AuthenticatorImpl restarted = start(Map.of(BootstrapAdmin.PASSWORD, STRONG));

        assertEquals(Optional.empty(), signIn(restarted, "admin", STRONG));
        assertTrue(signIn(restarted, "admin", "admin").orElseThrow().passwordChangeRequired());
        assertEquals(HealthStatus.up(), restarted.status());
        assertEquals(1, accounts());
    }

    @Test
    void theEnvironmentCreatesNoAdminWhileTheMarkerSaysThereWereAccounts() {
        start(Map.of());
        noAccounts(); // another, empty database

        AuthenticatorImpl restarted = start(Map.of(BootstrapAdmin.PASSWORD, STRONG));

        assertEquals(0, accounts());
        assertEquals(HealthStatus.State.DOWN, restarted.status().state());
        assertTrue(restarted.status().detail().contains("says this installation already had them"),
                restarted.status().detail());
    }

    private AuthenticatorImpl start(Map<String, String> environment) {
        return new AuthenticatorImpl(unit.jpa(), new CallerContextImpl(), new Defaults(), environment, Optional.of(etc));
    }

    private static Optional<Authentication> signIn(AuthenticatorImpl authenticator, String user, String password) {
        return authenticator.authenticate(user, password.toCharArray());
    }

    private static long accounts() {
        return unit.jpa().txExpr(em -> em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class)
                .getSingleResult());
    }

    /** The shipped configuration: admin/admin. */
    private static final class Defaults implements AuthenticatorImpl.Config {
        @Override
        public String admin_username() {
            return "admin";
        }

        @Override
        public String admin_password() {
            return "admin";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return AuthenticatorImpl.Config.class;
        }
    }
}
