package org.tesseracrm.webhooks.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final byte[] BODY = "{\"id\":\"x\",\"event\":\"contact.updated\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256LikeTheDocumentedExample() {
        // computed independently: printf '1700000000.{"id":"x","event":"contact.updated"}' | openssl dgst -sha256 -hmac whsec_test
        String header = Signature.header("whsec_test", 1_700_000_000L, BODY);
        assertTrue(header.matches("t=1700000000,v1=[0-9a-f]{64}"), header);
        assertEquals("t=1700000000,v1=ba6cb1aceaba4f5246205be27c293be77df29857eee0eb67901b5e66798126c9", header);
    }

    @Test
    void changesWithTheTimeTheBodyAndTheSecret() {
        String base = Signature.hmac("whsec_test", 1_700_000_000L, BODY);
        assertNotEquals(base, Signature.hmac("whsec_test", 1_700_000_001L, BODY));
        assertNotEquals(base, Signature.hmac("whsec_other", 1_700_000_000L, BODY));
        byte[] changed = BODY.clone();
        changed[3] ^= 1;
        assertNotEquals(base, Signature.hmac("whsec_test", 1_700_000_000L, changed));
    }

    @Test
    void makesLongRandomPrefixedSecrets() {
        String a = Signature.newSecret();
        assertTrue(a.matches("whsec_[A-Za-z0-9_-]{43}"), a);
        assertNotEquals(a, Signature.newSecret());
    }
}
