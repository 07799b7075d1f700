package org.tesseracrm.kernel.api.security;

import java.security.AccessController;

import javax.security.auth.Subject;

/**
 * Who runs a Karaf shell command, for the kernel's and every module's commands alike: the CRM user signed in through
 * the Tessera realm (SSH), whose permissions then apply; otherwise (the local console, or users of Karaf's own realm,
 * whom Karaf's command ACLs already restrict) the system. A command runs its work with
 * {@code callers.callAs(ShellCaller.current(), ...)}.
 *
 * @since 1.2
 */
public final class ShellCaller {
    private ShellCaller() {
    }

    /** @return the CRM user running the current shell command, or {@link Caller#SYSTEM} */
    @SuppressWarnings("removal") // Karaf 4.4 runs commands in Subject.doAs; there is no other way to read it on JDK 17
    public static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (TesseraPrincipal user : subject.getPrincipals(TesseraPrincipal.class)) {
                return new Caller(user.name());
            }
        }
        return Caller.SYSTEM;
    }
}
