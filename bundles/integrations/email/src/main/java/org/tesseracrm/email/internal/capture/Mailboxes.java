package org.tesseracrm.email.internal.capture;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The accounts whose mailbox is captured, as the capture needs them: never shown to users (the password is open). */
interface Mailboxes {
    /**
     * A mailbox to read.
     *
     * @param accountId the account
     * @param name the account's name
     * @param owner the user it belongs to, or {@code null} for a shared account
     * @param ownAddresses the account's own addresses (its from address, its login): not matched to records
     * @param server where the mailbox is, with the password opened for the run
     * @param active whether mail is captured from it now (the account is enabled and has an IMAP host)
     */
    record Mailbox(long accountId, String name, String owner, Set<String> ownAddresses, ImapFetcher.Server server,
            boolean active) {
    }

    /**
     * @param accountId an account
     * @return its mailbox, if the account exists
     */
    Optional<Mailbox> mailbox(long accountId);

    /** @return the ids of the accounts whose mailbox is captured (enabled, with an IMAP host) */
    List<Long> capturing();
}
