package org.tesseracrm.email.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Mail accounts: shared ones managed by administrators ({@link #MANAGE}), and each user's own ({@link #SEND}).
 * Passwords are sealed with the kernel's {@code Secrets} and never returned.
 */
@ProviderType
public interface MailAccounts {
    /** Permission to manage shared accounts and see every account. */
    String MANAGE = "email.accounts";
    /** Permission to send mail (through one's own or a shared account) and keep one's own account. */
    String SEND = "email.send";

    /**
     * @return the accounts the caller may use: their own and the shared ones (every account with {@link #MANAGE})
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #SEND} or {@link #MANAGE}
     */
    List<MailAccount> list();

    /**
     * @param id an account the caller may use
     * @return the account
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none the caller may use
     */
    MailAccount get(long id);

    /**
     * Creates or changes an account.
     *
     * @param input the account
     * @return the saved account
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for a shared account without {@link #MANAGE},
     *     for one's own without {@link #SEND}
     * @throws org.tesseracrm.kernel.api.ValidationException for bad fields (host, port, address...)
     * @throws org.tesseracrm.kernel.api.ConflictException for a stale version
     */
    MailAccount save(MailAccountInput input);

    /**
     * Deletes an account; mail already sent through it stays logged.
     *
     * @param id the account
     */
    void delete(long id);

    /**
     * Connects to the account's SMTP (and IMAP) servers and signs in, without sending anything.
     *
     * @param id the account
     * @return what each server answered
     */
    ConnectionCheck test(long id);

    /**
     * @return the account the caller sends through by default: their own enabled account, else the first enabled
     *     shared one
     */
    Optional<MailAccount> defaultAccount();
}
