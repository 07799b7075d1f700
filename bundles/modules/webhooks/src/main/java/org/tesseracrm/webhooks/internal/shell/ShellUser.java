package org.tesseracrm.webhooks.internal.shell;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.tesseracrm.kernel.api.security.Caller;

/**
 * Who runs a command, as the kernel's own commands decide it: the CRM user signed in through the Tessera realm (SSH),
 * whose permissions then apply; otherwise (the local console, Karaf's own realm, whose command ACLs restrict it) the
 * system. The realm's principal class is the kernel's internal one, so it is recognised by its name.
 */
final class ShellUser {
    private static final String TESSERA_PRINCIPAL = "TesseraPrincipal";

    private ShellUser() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 runs commands in Subject.doAs; there is no other way to read it on JDK 17
    static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals(TESSERA_PRINCIPAL)) {
                    return new Caller(principal.getName());
                }
            }
        }
        return Caller.SYSTEM;
    }
}
