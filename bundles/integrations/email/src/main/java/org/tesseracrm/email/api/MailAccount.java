package org.tesseracrm.email.api;

/**
 * A mail account as shown to users: never its passwords, only whether they are set.
 *
 * @param id the account
 * @param name what users see, e.g. "Sales team"
 * @param owner the user the account belongs to, or {@code null} for a shared account
 * @param fromAddress the sender address, e.g. {@code sales@example.com}
 * @param fromName the sender name, may be blank
 * @param smtpHost SMTP server host
 * @param smtpPort SMTP port (25, 587, 465...)
 * @param smtpSecurity SMTP connection protection
 * @param smtpUser SMTP login, blank for none
 * @param smtpPasswordSet whether an SMTP password is stored (sealed with {@code Secrets})
 * @param imapHost IMAP server host, blank when mail is not captured from this account
 * @param imapPort IMAP port (143, 993)
 * @param imapSecurity IMAP connection protection
 * @param imapUser IMAP login
 * @param imapPasswordSet whether an IMAP password is stored
 * @param imapFolder the folder captured, usually {@code INBOX}
 * @param sendPerMinute at most this many messages leave through the account per minute (throttle)
 * @param signatureHtml the owner's signature, merged with {@code $[User.Signature]} (sanitised HTML)
 * @param enabled whether the account sends and captures
 * @param version optimistic-lock version, given back on save
 */
public record MailAccount(long id, String name, String owner, String fromAddress, String fromName,
        String smtpHost, int smtpPort, MailSecurity smtpSecurity, String smtpUser, boolean smtpPasswordSet,
        String imapHost, int imapPort, MailSecurity imapSecurity, String imapUser, boolean imapPasswordSet,
        String imapFolder, int sendPerMinute, String signatureHtml, boolean enabled, long version) {

    /** @return whether mail is captured from the account over IMAP */
    public boolean captures() {
        return imapHost != null && !imapHost.isBlank();
    }
}
