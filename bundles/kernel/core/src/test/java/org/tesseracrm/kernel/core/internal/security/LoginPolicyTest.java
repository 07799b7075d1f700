package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;

class LoginPolicyTest {

    @Test
    void locksFromTheFifthWrongPasswordAndDoublesUpToAnHour() {
        assertEquals(Duration.ZERO, LoginPolicy.lockFor(4));
        assertEquals(Duration.ofMinutes(1), LoginPolicy.lockFor(5));
        assertEquals(Duration.ofMinutes(2), LoginPolicy.lockFor(6));
        assertEquals(Duration.ofMinutes(32), LoginPolicy.lockFor(10));
        assertEquals(Duration.ofHours(1), LoginPolicy.lockFor(11));
        assertEquals(Duration.ofHours(1), LoginPolicy.lockFor(500));
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresAndUnlockedBySuccess() {
        UserAccount account = new UserAccount("ada", "hash", LocalDateTime.now(), false);
        LocalDateTime now = LocalDateTime.of(2026, 11, 23, 12, 0);
        for (int i = 0; i < 4; i++) {
            account.loginFailed(now);
        }
        assertTrue(account.lockedAt(now).isEmpty());
        account.loginFailed(now);
        assertEquals(now.plusMinutes(1), account.lockedAt(now).orElseThrow());
        assertTrue(account.lockedAt(now.plusMinutes(1)).isEmpty(), "the lock ends on time");
        account.loginSucceeded();
        account.loginFailed(now);
        assertTrue(account.lockedAt(now).isEmpty(), "success resets the count");
    }

    @Test
    void refusesShortPasswordsTheUserNameTheOldPasswordAndMismatches() {
        assertEquals(List.of("newPassword"), fields(LoginPolicy.checkNewPassword("ada", pw("old"), pw("short"), pw("short"))));
        assertEquals(List.of("newPassword"), fields(LoginPolicy.checkNewPassword("ada", pw("old"), pw("my-ADA-password"),
                pw("my-ADA-password"))));
        assertEquals(List.of("newPassword"), fields(LoginPolicy.checkNewPassword("ada", pw("same-old-pw-1"),
                pw("same-old-pw-1"), pw("same-old-pw-1"))));
        assertEquals(List.of("repeatPassword"), fields(LoginPolicy.checkNewPassword("ada", pw("old"), pw("long enough 1"),
                pw("long enough 2"))));
        assertEquals(List.of(), LoginPolicy.checkNewPassword("ada", pw("old"), pw("correct horse"), pw("correct horse")));
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
