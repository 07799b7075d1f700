package org.tesseracrm.kernel.core.internal.shell;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.core.internal.security.TesseraPrincipal;

/**
 * Who runs a shell command: the CRM user signed in through the Tessera realm (SSH), whose
 * permissions then apply; otherwise (the local console, or users of Karaf's own realm, whom Karaf's
 * command ACLs already restrict) the system.
 */
final class ShellCaller {
    private ShellCaller() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 runs commands in Subject.doAs; there is no other way to read it on JDK 17
    static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (TesseraPrincipal user : subject.getPrincipals(TesseraPrincipal.class)) {
                return new Caller(user.name());
            }
        }
        return Caller.SYSTEM;
    }
}
