package org.tesseracrm.email.internal.account;

import java.time.Instant;
import java.util.Optional;

import org.tesseracrm.email.api.MailAccount;

/**
 * An account as the module keeps it: what users see, and what only the module uses (the sealed passwords, the
 * throttle's count for the current minute). Never leaves the module.
 *
 * @param account what users see
 * @param sealedSmtpPassword the SMTP password sealed with {@code Secrets}, if one is stored
 * @param sealedImapPassword the IMAP password sealed with {@code Secrets}, if one is stored
 * @param windowStart the start of the minute the throttle counts, if any message was sent yet
 * @param windowSent the messages sent through the account in that minute
 */
public record StoredAccount(MailAccount account, Optional<String> sealedSmtpPassword, Optional<String> sealedImapPassword,
        Optional<Instant> windowStart, int windowSent) {
}
