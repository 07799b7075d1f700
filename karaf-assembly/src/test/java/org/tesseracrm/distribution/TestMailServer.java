package org.tesseracrm.distribution;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTP and IMAP server in the test (driver) JVM, never inside Karaf: the e-mail ITs start it from their
 * {@code @Configuration} method and pass its ports to the container as system properties; the probe inside Karaf talks
 * to it over the sockets with Jakarta Mail. Only ints cross into the IT classes, so the probe never loads GreenMail.
 */
final class TestMailServer {
    /** System property: the SMTP port in the container. */
    static final String SMTP_PORT = "tessera.it.smtpPort";
    /** System property: the IMAP port in the container. */
    static final String IMAP_PORT = "tessera.it.imapPort";
    /** The mailbox of the shared sender account (login sales, password sales-secret). */
    static final String SALES = "sales@example.com";
    private static GreenMail server;

    private TestMailServer() {
    }

    /**
     * Starts the server once per JVM, with the users the ITs sign in as.
     *
     * @return the SMTP and IMAP ports
     */
    static synchronized int[] start() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(PaxExamSupport.freePortOrFail(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(PaxExamSupport.freePortOrFail(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.setUser(SALES, "sales", "sales-secret");
            for (String user : new String[] {"ann", "bob", "carl", "dora"}) {
                mail.setUser(user + "@example.com", user + "@example.com", user);
            }
            mail.start();
            server = mail;
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }
}
