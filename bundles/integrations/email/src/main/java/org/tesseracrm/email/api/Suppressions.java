package org.tesseracrm.email.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Addresses that no bulk send or campaign mails any more: they unsubscribed, or their mail bounced for good. Mail a
 * user writes to one person from a record still goes (it is not marketing), with a warning in the composer.
 */
@ProviderType
public interface Suppressions {
    /** Why an address is suppressed. */
    enum Reason { UNSUBSCRIBED, BOUNCED, ADMIN }

    /**
     * @param address an address
     * @param reason why
     * @param at since when
     * @param source what suppressed it, e.g. {@code campaign:42}
     */
    record Suppression(String address, Reason reason, Instant at, String source) {
    }

    /**
     * @param address an address (compared without case)
     * @return whether bulk sends and campaigns skip it
     */
    boolean suppressed(String address);

    /**
     * Suppresses an address; adding it again keeps the first entry. Runs as the system for the public unsubscribe
     * link, so it needs no permission from the caller; with {@link Reason#ADMIN} it needs {@link MailAccounts#MANAGE}.
     *
     * @param address the address
     * @param reason why
     * @param source what suppressed it
     */
    void add(String address, Reason reason, String source);

    /**
     * @param address the address to mail again
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#MANAGE}
     */
    void remove(String address);

    /**
     * @param limit at most this many, newest first
     * @return the suppressed addresses
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#MANAGE}
     */
    List<Suppression> list(int limit);
}
