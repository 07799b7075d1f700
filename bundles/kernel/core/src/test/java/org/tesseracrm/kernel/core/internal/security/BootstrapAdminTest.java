package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapAdminTest {
    private static final String STRONG = "Bootstrap-2026-pw";

    @Test
    void withoutVariablesTheConfiguredAccountIsUsedAndMustChangeItsPassword() throws Exception {
        BootstrapAdmin.Account account = new BootstrapAdmin(Map.of()).account("admin", "admin", "pid");

        assertEquals("admin", account.username());
        assertEquals("admin", new String(account.password()));
        assertTrue(account.mustChangePassword());
        assertEquals("configuration pid", account.passwordSource());
    }

    @Test
    void aPasswordFileLosesTheLineBreaksAtItsEndOnly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), " " + STRONG + " \r\n");

        BootstrapAdmin.Account account = new BootstrapAdmin(Map.of(BootstrapAdmin.PASSWORD_FILE, file.toString()))
                .account("admin", "admin", "pid");

        assertEquals(" " + STRONG + " ", new String(account.password()));
        assertFalse(account.mustChangePassword());
        assertEquals("TESSERA_ADMIN_PASSWORD_FILE (" + file + ")", account.passwordSource());
    }

    @Test
    void aMissingOrEmptyPasswordFileIsRefusedNamingTheVariable(@TempDir Path dir) throws Exception {
        BootstrapAdmin.Refused missing = assertThrows(BootstrapAdmin.Refused.class, () -> new BootstrapAdmin(
                Map.of(BootstrapAdmin.PASSWORD_FILE, dir.resolve("nothing").toString())).account("admin", "admin", "pid"));
        assertTrue(missing.getMessage().startsWith("Cannot read the password file named in TESSERA_ADMIN_PASSWORD_FILE: "
                + "java.nio.file.NoSuchFileException: " + dir.resolve("nothing")), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("the first admin is created at the next start."), missing.getMessage());

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        BootstrapAdmin.Refused blank = assertThrows(BootstrapAdmin.Refused.class, () -> new BootstrapAdmin(
                Map.of(BootstrapAdmin.PASSWORD_FILE, empty.toString())).account("admin", "admin", "pid"));
        assertTrue(blank.getMessage().startsWith("The password in TESSERA_ADMIN_PASSWORD_FILE (" + empty + ") is empty."),
                blank.getMessage());
    }

    @Test
    void anInvalidUserNameFromTheEnvironmentIsRefused() {
        BootstrapAdmin.Refused refused = assertThrows(BootstrapAdmin.Refused.class, () -> new BootstrapAdmin(
                Map.of(BootstrapAdmin.USERNAME, "ad min", BootstrapAdmin.PASSWORD, STRONG)).account("admin", "admin", "pid"));
        assertTrue(refused.getMessage().startsWith("TESSERA_ADMIN_USERNAME is not a valid user name: Use 2 to 100 "),
                refused.getMessage());
    }

    @Test
    void onceAccountsExistTheSetVariablesAreNamedAsIgnored() {
        assertEquals(Optional.empty(), new BootstrapAdmin(Map.of("PATH", "/usr/bin")).ignored());
        String notice = new BootstrapAdmin(Map.of(BootstrapAdmin.PASSWORD, STRONG, BootstrapAdmin.USERNAME, "ops"))
                .ignored().orElseThrow();
        assertTrue(notice.startsWith("TESSERA_ADMIN_USERNAME, TESSERA_ADMIN_PASSWORD are ignored: "), notice);
        assertFalse(notice.contains(STRONG), notice);
    }
}
