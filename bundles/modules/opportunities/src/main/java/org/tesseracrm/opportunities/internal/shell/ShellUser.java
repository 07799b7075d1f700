package org.tesseracrm.opportunities.internal.shell;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.tesseracrm.kernel.api.security.Caller;

/**
 * Who runs a command: the CRM user signed in through the Tessera realm (SSH), whose permissions then
 * apply; otherwise (the local console, Karaf's own realm, which Karaf's command ACLs restrict) the system.
 * The kernel's shell does the same; its principal class is not exported, so it is recognised by name.
 */
final class ShellUser {
    private ShellUser() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 runs commands in Subject.doAs; there is no other way to read it on JDK 17
    static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("TesseraPrincipal")) {
                    return new Caller(principal.getName());
                }
            }
        }
        return Caller.SYSTEM;
    }
}
