package org.tesseracrm.kernel.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks user names and passwords against the kernel's user store, and lets users change their
 * password. After {@code 5} wrong passwords in a row an account is locked for a minute, doubling with
 * each further wrong password up to an hour.
 */
@ProviderType
public interface Authenticator {
    /**
     * @param username the login name
     * @param password the password; the caller should clear the array afterwards
     * @return the sign-in if the credentials are right and the account is active, else empty
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException if the account is locked after too
     *     many wrong passwords; the message says for how long
     */
    Optional<Authentication> authenticate(String username, char[] password);

    /**
     * Changes the password of the current caller (see {@link CallerContext}).
     *
     * @param currentPassword the password in use now
     * @param newPassword the new password: at least 10 characters, not containing the user name
     * @param repeatedNewPassword the new password again
     * @throws org.tesseracrm.kernel.api.ValidationException with field errors on {@code currentPassword},
     *     {@code newPassword} or {@code repeatPassword}; nothing is changed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a caller
     */
    void changePassword(char[] currentPassword, char[] newPassword, char[] repeatedNewPassword);
}
