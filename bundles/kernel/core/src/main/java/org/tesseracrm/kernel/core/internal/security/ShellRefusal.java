package org.tesseracrm.kernel.core.internal.security;

import java.util.Optional;

/**
 * Why the realm refused a shell sign-in whose password was right, handed from
 * {@link TesseraLoginModule} to {@link ShellSignInMessages} on the SSH server's thread: JAAS and
 * Karaf's SSH authenticator only pass on that the login failed. Wrong credentials leave no reason, so
 * an anonymous caller learns nothing about which users exist.
 */
final class ShellRefusal {
    private static final ThreadLocal<String> REASON = new ThreadLocal<>();

    private ShellRefusal() {
    }

    /** @param reason what the user must do, for the client to print */
    static void explain(String reason) {
        REASON.set(reason);
    }

    /** @return the reason given on this thread since the last call, and forgets it */
    static Optional<String> take() {
        String reason = REASON.get();
        REASON.remove();
        return Optional.ofNullable(reason);
    }
}
