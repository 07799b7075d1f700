package org.tesseracrm.kernel.core.internal.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tesseracrm.kernel.api.FieldError;

/** How many wrong passwords an account tolerates, and what a new password must be like. Pure rules. */
final class LoginPolicy {
    /** Wrong passwords in a row before the account is locked for a while. */
    static final int FREE_ATTEMPTS = 5;
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;

    private LoginPolicy() {
    }

    /**
     * @param failures wrong passwords in a row so far
     * @return how long the account stays locked: nothing before {@value #FREE_ATTEMPTS} failures, then
     *     1 minute, doubling with each further failure up to an hour
     */
    static Duration lockFor(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        Duration lock = Duration.ofMinutes(1L << Math.min(failures - FREE_ATTEMPTS, 6));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** @return what is wrong with a new password, empty if it is acceptable */
    static List<FieldError> checkNewPassword(String username, char[] current, char[] proposed, char[] repeated) {
        List<FieldError> errors = new ArrayList<>();
        String password = new String(proposed);
        if (password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("newPassword", "Use at least " + MIN_PASSWORD + " characters."));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("newPassword", "Use at most " + MAX_PASSWORD + " characters."));
        } else if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("newPassword", "Do not use your user name in your password."));
        } else if (password.equals(new String(current))) {
            errors.add(new FieldError("newPassword", "Choose a password that differs from the current one."));
        }
        if (!password.equals(new String(repeated))) {
            errors.add(new FieldError("repeatPassword", "The two new passwords are not the same."));
        }
        return errors;
    }
}
