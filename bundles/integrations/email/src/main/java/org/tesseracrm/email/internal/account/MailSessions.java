package org.tesseracrm.email.internal.account;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.ssl.SSLException;

import org.tesseracrm.email.api.MailSecurity;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;

/**
 * Jakarta Mail sessions for an account's servers, with short timeouts, and messages a user can act on when a connection
 * fails. In OSGi, Jakarta Mail finds its providers (Angus Mail) and their content handlers through the thread context
 * class loader: {@link #withMailLoader} sets it to Angus Mail's around the work.
 */
public final class MailSessions {
    private MailSessions() {
    }

    /**
     * @param security the connection protection
     * @param imap true for IMAP, false for SMTP
     * @return the Jakarta Mail protocol name: smtp, smtps, imap or imaps
     */
    public static String protocol(MailSecurity security, boolean imap) {
        String base = imap ? "imap" : "smtp";
        return security == MailSecurity.TLS ? base + "s" : base;
    }

    /**
     * @param host the server
     * @param port its port
     * @param security the connection protection
     * @param imap true for IMAP, false for SMTP
     * @param auth whether to sign in
     * @param connectTimeoutMillis connect timeout
     * @param readTimeoutMillis read and write timeout
     * @return the session's properties
     */
    public static Properties properties(String host, int port, MailSecurity security, boolean imap, boolean auth,
            int connectTimeoutMillis, int readTimeoutMillis) {
        String protocol = protocol(security, imap);
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", imap ? "smtp" : protocol);
        props.setProperty("mail.store.protocol", imap ? protocol : "imap");
        props.setProperty(prefix + "host", host);
        props.setProperty(prefix + "port", Integer.toString(port));
        props.setProperty(prefix + "connectiontimeout", Integer.toString(connectTimeoutMillis));
        props.setProperty(prefix + "timeout", Integer.toString(readTimeoutMillis));
        props.setProperty(prefix + "writetimeout", Integer.toString(readTimeoutMillis));
        if (!imap) {
            props.setProperty(prefix + "auth", Boolean.toString(auth));
        }
        if (security == MailSecurity.STARTTLS) {
            props.setProperty(prefix + "starttls.enable", "true");
            props.setProperty(prefix + "starttls.required", "true");
        }
        if (security != MailSecurity.NONE) {
            props.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /**
     * @param props the session's properties
     * @return a session of its own (never the default session)
     */
    public static Session session(Properties props) {
        return withMailLoader(() -> Session.getInstance(props));
    }

    /**
     * Runs work with the thread context class loader set to Angus Mail's, so Jakarta Mail finds its providers and
     * content handlers inside OSGi (outside it, the loader is the application's and this changes nothing).
     *
     * @param work the work with Jakarta Mail
     * @param <T> its result
     * @return the result
     * @throws E what the work throws
     */
    public static <T, E extends Exception> T withMailLoader(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Work with Jakarta Mail.
     *
     * @param <T> its result
     * @param <E> what it throws
     */
    @FunctionalInterface
    public interface MailWork<T, E extends Exception> {
        /**
         * @return the result
         * @throws E on failure
         */
        T run() throws E;
    }

    /**
     * @param server "host:port" as users wrote it
     * @param e what connecting, signing in or sending threw
     * @param timeoutSeconds the timeout used, to name it
     * @return a message saying what went wrong and what to check
     */
    public static String explain(String server, Exception e, int timeoutSeconds) {
        if (e instanceof AuthenticationFailedException) {
            return server + " refused the login: check the user and password" + detail(e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "Unknown host " + server + ": check the server name.";
            } else if (cause instanceof ConnectException) {
                return server + " refused the connection: check the host and port, and that the server runs.";
            } else if (cause instanceof NoRouteToHostException) {
                return server + " cannot be reached: check the host and the network.";
            } else if (cause instanceof SocketTimeoutException) {
                return server + " did not answer within " + timeoutSeconds + " s: check the host, the port and the firewall.";
            } else if (cause instanceof SSLException) {
                return "TLS failed with " + server + ": check the security setting (STARTTLS usually on 587 and 143, TLS on "
                        + "465 and 993) and the server's certificate (" + cause.getMessage() + ").";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.toLowerCase(java.util.Locale.ROOT).contains("starttls")) {
            return server + " does not offer STARTTLS: choose TLS (usually port 465/993) or ask the server's administrator.";
        }
        return server + ": " + message;
    }

    private static String detail(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "." : " (" + message.strip() + ").";
    }
}
