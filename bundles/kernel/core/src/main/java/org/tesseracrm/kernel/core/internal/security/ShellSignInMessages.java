package org.tesseracrm.kernel.core.internal.security;

import java.io.IOException;
import java.util.Optional;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordChangeRequiredException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a refused shell sign-in why. Karaf's SSH server swallows the login module's reason and the
 * client only prints "No more authentication methods available". When the password was right but the
 * account may not use the shell (no {@code administration.shell}, or it must choose a new password
 * first), this authenticator, put in front of Karaf's, ends the SSH session with that reason as the
 * disconnect message, which {@code bin/client} prints. Wrong credentials stay an ordinary failure.
 */
@Component(immediate = true, service = {})
public class ShellSignInMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ShellSignInMessages.class);

    /**
     * Puts the explaining authenticator in front of Karaf's, on every SSH server registered. Karaf's ssh
     * bundle registers a new server each time its configuration changes and never unregisters the stopped
     * one, so binding one server (the oldest, by DS rules) once left the running server unexplained
     * (seen in CI). Optional, so that Karaf's resolver does not look for a bundle declaring the SSH server
     * (Karaf's ssh bundle registers it without declaring it).
     *
     * @param server one of Karaf's SSH servers
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServer(SshServer server) {
        PasswordAuthenticator current = server.getPasswordAuthenticator();
        if (current != null && !(current instanceof Explaining)) {
            server.setPasswordAuthenticator(new Explaining(current));
        }
    }

    void unbindServer(SshServer server) {
        if (server.getPasswordAuthenticator() instanceof Explaining explaining) {
            server.setPasswordAuthenticator(explaining.delegate());
        }
    }

    /** Karaf's authenticator, plus the reason of a refusal. */
    record Explaining(PasswordAuthenticator delegate) implements PasswordAuthenticator {
        @Override
        public boolean authenticate(String username, String password, ServerSession session)
                throws PasswordChangeRequiredException, AsyncAuthException {
            ShellRefusal.take();
            boolean accepted = delegate.authenticate(username, password, session);
            Optional<String> reason = ShellRefusal.take();
            if (!accepted && reason.isPresent()) {
                LOG.info("Shell sign-in of '{}' refused: {}", username, reason.get());
                try {
                    session.disconnect(SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE, reason.get());
                } catch (IOException e) {
                    LOG.debug("Could not tell the shell client why", e);
                }
            }
            return accepted;
        }
    }
}
