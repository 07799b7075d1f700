package org.tesseracrm.kernel.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Checks user names and passwords against the kernel's user store. */
@ProviderType
public interface Authenticator {
    /**
     * @param username the login name
     * @param password the password; the caller should clear the array afterwards
     * @return the caller if the credentials are right and the account is active, else empty
     */
    Optional<Caller> authenticate(String username, char[] password);
}
