package org.tesseracrm.email.internal.capture;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.internal.account.AccountStore;
import org.tesseracrm.email.internal.account.StoredAccount;
import org.tesseracrm.kernel.api.security.Secrets;

/** The mail accounts' mailboxes, from the accounts' table, with the IMAP password opened from its seal for a run. */
final class AccountMailboxes implements Mailboxes {
    private final AccountStore accounts;
    private final Secrets secrets;

    AccountMailboxes(AccountStore accounts, Secrets secrets) {
        this.accounts = accounts;
        this.secrets = secrets;
    }

    @Override
    public Optional<Mailbox> mailbox(long accountId) {
        return accounts.find(accountId).map(this::mailbox);
    }

    @Override
    public List<Long> capturing() {
        return accounts.all().stream().map(StoredAccount::account).filter(a -> a.enabled() && a.captures())
                .map(MailAccount::id).toList();
    }

    private Mailbox mailbox(StoredAccount stored) {
        MailAccount a = stored.account();
        Set<String> own = new LinkedHashSet<>();
        own.add(a.fromAddress().toLowerCase(Locale.ROOT));
        if (a.imapUser() != null && a.imapUser().contains("@")) {
            own.add(a.imapUser().toLowerCase(Locale.ROOT));
        }
        String password = stored.sealedImapPassword().map(secrets::openText).orElse("");
        String folder = a.imapFolder() == null || a.imapFolder().isBlank() ? "INBOX" : a.imapFolder();
        return new Mailbox(a.id(), a.name(), a.owner(), own, new ImapFetcher.Server(a.imapHost(), a.imapPort(),
                a.imapSecurity(), a.imapUser(), password, folder), a.enabled() && a.captures());
    }
}
