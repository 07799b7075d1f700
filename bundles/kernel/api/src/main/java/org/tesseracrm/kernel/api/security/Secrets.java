package org.tesseracrm.kernel.api.security;

import java.nio.charset.StandardCharsets;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts the secrets an integration must be able to use again (a webhook's signing secret, a mail account's
 * password), as opposed to secrets that are only checked (passwords and API tokens, which are stored as hashes).
 * A sealed value is AES-256-GCM with a random nonce per value, so the same secret sealed twice gives two different
 * texts, and any change to a sealed text is detected when it is opened. The key is one file of the installation,
 * {@code ${karaf.etc}/tessera-secrets.key}, created at first use: it is backed up apart from the database, and
 * whoever holds the database alone cannot open what it holds. Needs no permission: a module seals and opens its
 * own values, and never shows an opened secret back to anybody.
 *
 * @since security 1.2
 */
@ProviderType
public interface Secrets {
    /**
     * @param plain the secret
     * @return the sealed text (ASCII, about 4/3 of the secret's length plus 44 characters), to store
     * @throws org.tesseracrm.kernel.api.CrmException if the key file cannot be read or created
     */
    String seal(byte[] plain);

    /**
     * @param plain the secret, as text
     * @return the sealed text of its UTF-8 bytes
     * @throws org.tesseracrm.kernel.api.CrmException if the key file cannot be read or created
     */
    default String seal(String plain) {
        return seal(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param sealed a text made by {@link #seal}
     * @return the secret
     * @throws org.tesseracrm.kernel.api.CrmException if the text was changed, was sealed with another key (the key
     *     file was replaced), is not a sealed text, or the key file cannot be read
     */
    byte[] open(String sealed);

    /**
     * @param sealed a text made by {@link #seal(String)}
     * @return the secret as text
     * @throws org.tesseracrm.kernel.api.CrmException as {@link #open}
     */
    default String openText(String sealed) {
        return new String(open(sealed), StandardCharsets.UTF_8);
    }
}
