package org.tesseracrm.email.api;

/**
 * What an administrator (shared accounts) or a user (their own) saves. Passwords are write-only: {@code null} keeps
 * the stored one, an empty text removes it.
 *
 * @param id the account to change, or {@code null} to create one
 * @param version the version read, for an update (a stale one is refused)
 * @param shared whether the account is shared (administrators only) or the caller's own
 * @param smtpPassword the new SMTP password, {@code null} to keep
 * @param imapPassword the new IMAP password, {@code null} to keep
 * @see MailAccount for the other fields
 */
public record MailAccountInput(Long id, long version, String name, boolean shared, String fromAddress,
        String fromName, String smtpHost, int smtpPort, MailSecurity smtpSecurity, String smtpUser,
        String smtpPassword, String imapHost, int imapPort, MailSecurity imapSecurity, String imapUser,
        String imapPassword, String imapFolder, int sendPerMinute, String signatureHtml, boolean enabled) {
}
