package org.tesseracrm.campaigns.internal.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Secrets;

/**
 * The tracking links of campaign mail: their public base address ({@code publicUrl} of the configuration
 * {@code org.tesseracrm.campaigns}) and the HMAC key that signs their tokens. The key is 32 bytes from
 * {@link SecureRandom}, made once, sealed with the kernel's {@link Secrets} in {@code CRM_CAMPAIGN_SECRET}, and kept
 * in memory once opened. A plain object of the components that make and check links (not a service: its methods
 * check no permission, as the public endpoints need none).
 */
public final class TrackingLinks {
    /** The path of the tracking context. */
    public static final String PATH = "/t";
    static final String KEY_NAME = "tracking";

    private final TransactionScope scope;
    private final Secrets secrets;
    private final String base;
    private volatile byte[] key;

    /**
     * @param scope reads and stores the key
     * @param secrets seals and opens the key
     * @param config the settings
     */
    public TrackingLinks(TransactionScope scope, Secrets secrets, CampaignsConfig config) {
        this.scope = scope;
        this.secrets = secrets;
        String url = config.publicUrl() == null || config.publicUrl().isBlank() ? "http://localhost:8181"
                : config.publicUrl().trim();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + PATH;
    }
    /** @return the open pixel's address for a member */
    public String pixel(long memberId) {
        return base + "/o/" + TrackingTokens.sign(key(), TrackingTokens.OPEN, memberId, "") + ".gif";
    }

    /** @return the click redirect's address for a member and a link */
    public String click(long memberId, String url) {
        return base + "/c/" + TrackingTokens.sign(key(), TrackingTokens.CLICK, memberId, url);
    }

    /** @return the unsubscribe page's address for a member */
    public String unsubscribe(long memberId) {
        return base + "/u/" + TrackingTokens.sign(key(), TrackingTokens.UNSUBSCRIBE, memberId, "");
    }

    /**
     * @param token a token from a tracking request
     * @param kind the kind the endpoint expects
     * @return what it says, if this server signed it
     */
    public Optional<TrackingTokens.Token> verify(String token, char kind) {
        return TrackingTokens.verify(key(), token, kind);
    }

    /** @return the HMAC key, made and stored on first use */
    byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        Optional<String> stored = scope.requiresNew(c -> MemberStore.secret(c, KEY_NAME));
        if (stored.isPresent()) {
            return secrets.open(stored.get());
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String sealed = secrets.seal(fresh);
        try {
            scope.requiresNew(c -> {
                MemberStore.insertSecret(c, KEY_NAME, sealed, Instant.now());
                return null;
            });
            return fresh;
        } catch (CrmException e) {
            // another node stored one first: use it
            return secrets.open(scope.requiresNew(c -> MemberStore.secret(c, KEY_NAME))
                    .orElseThrow(() -> new CrmException("The tracking key could not be stored", e)));
        }
    }
}
