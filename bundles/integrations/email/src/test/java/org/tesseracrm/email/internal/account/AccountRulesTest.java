package org.tesseracrm.email.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

/** The account form's checks and defaults, who may use an account, and the connection messages. */
class AccountRulesTest {
    private static MailAccountInput input(String name, String from, String smtpHost, int smtpPort, MailSecurity security, String imapHost,
            String imapUser, int perMinute, String signature) {
        return new MailAccountInput(null, 0, name, true, from, " Sales ", smtpHost, smtpPort, security, " sales ", "pw", imapHost, 0, null,
                imapUser, null, "", perMinute, signature, true);
    }

    @Test
    void blanksTakeTheUsualPortsAndFoldersAndSignaturesAreSanitised() {
        MailAccountInput clean = MailAccountsImpl.normalised(input(" Sales team ", " sales@example.com ", " smtp.example.com ", 0,
                null, "imap.example.com", "sales", 0, "<p onclick=\"x()\">Bob</p><script>alert(1)</script>"));
        assertEquals("Sales team", clean.name());
        assertEquals("sales@example.com", clean.fromAddress());
        assertEquals("Sales", clean.fromName());
        assertEquals(MailSecurity.STARTTLS, clean.smtpSecurity());
        assertEquals(587, clean.smtpPort());
        assertEquals("sales", clean.smtpUser());
        assertEquals("pw", clean.smtpPassword(), "passwords are taken as typed");
        assertEquals(MailSecurity.TLS, clean.imapSecurity());
        assertEquals(993, clean.imapPort());
        assertEquals("INBOX", clean.imapFolder());
        assertEquals(30, clean.sendPerMinute());
        assertEquals("<p>Bob</p>", clean.signatureHtml());
        assertNull(clean.imapPassword(), "null keeps the stored one");
        MailAccountsImpl.check(clean);
        assertEquals(465, MailAccountsImpl.normalised(input("a", "a@example.com", "h", 0, MailSecurity.TLS, "", "", 1, null)).smtpPort());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> MailAccountsImpl.check(MailAccountsImpl.normalised(
                input("", "sales@", "https://smtp.example.com:587", 70_000, MailSecurity.NONE, "imap.example.com", "", 20_000, null))));
        assertEquals(List.of("name", "fromAddress", "smtpHost", "smtpPort", "imapUser", "sendPerMinute"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(2).message().startsWith("Not a host name"), e.errors().get(2).message());
        MailAccountsImpl.check(MailAccountsImpl.normalised(input("IPv6", "a@example.com", "::1", 25, MailSecurity.NONE, "", "", 5, null)));
        MailAccountsImpl.check(MailAccountsImpl.normalised(input("IP", "a@example.com", "192.0.2.7", 25, MailSecurity.NONE, "", "", 5, null)));
    }

    @Test
    void ownersUseTheirOwnAccountsAndEverybodyTheSharedOnes() {
        MailAccount shared = new MailAccount(1, "Sales", null, "s@example.com", "", "h", 25, MailSecurity.NONE, "", false, "", 0,
                MailSecurity.TLS, "", false, "INBOX", 30, null, true, 1);
        MailAccount anns = new MailAccount(2, "Ann", "ann", "a@example.com", "", "h", 25, MailSecurity.NONE, "", false, "", 0,
                MailSecurity.TLS, "", false, "INBOX", 30, null, true, 1);
        assertTrue(MailAccountsImpl.mayUse(shared, "bob", false));
        assertTrue(MailAccountsImpl.mayUse(anns, "ann", false));
        assertFalse(MailAccountsImpl.mayUse(anns, "bob", false));
        assertTrue(MailAccountsImpl.mayUse(anns, "bob", true), "with email.accounts");
    }

    @Test
    void connectionFailuresSayWhatToCheck() {
        String server = "smtp.example.com:587";
        assertEquals("Unknown host smtp.example.com:587: check the server name.",
                MailSessions.explain(server, new MessagingException("x", new UnknownHostException("smtp.example.com")), 10));
        assertEquals("smtp.example.com:587 refused the connection: check the host and port, and that the server runs.",
                MailSessions.explain(server, new MessagingException("x", new ConnectException("refused")), 10));
        assertTrue(MailSessions.explain(server, new AuthenticationFailedException("535 5.7.8 bad credentials"), 10)
                .startsWith("smtp.example.com:587 refused the login: check the user and password (535 5.7.8 bad credentials)."));
        assertTrue(MailSessions.explain(server, new MessagingException("x", new SSLHandshakeException("PKIX path")), 10)
                .startsWith("TLS failed with smtp.example.com:587: check the security setting"));
        assertTrue(MailSessions.explain(server, new MessagingException("STARTTLS is required but host does not support STARTTLS"), 10)
                .startsWith("smtp.example.com:587 does not offer STARTTLS"));
    }
}
