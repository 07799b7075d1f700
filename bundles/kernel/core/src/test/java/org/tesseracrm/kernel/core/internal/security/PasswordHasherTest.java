package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void acceptsTheRightPasswordAndRefusesOthers() {
        String stored = hasher.hash("s3cret!".toCharArray());
        assertTrue(hasher.matches("s3cret!".toCharArray(), stored));
        assertFalse(hasher.matches("s3cret".toCharArray(), stored));
        assertFalse(hasher.matches("".toCharArray(), stored));
    }

    @Test
    void neverStoresThePasswordAndSaltsEveryHash() {
        String a = hasher.hash("admin".toCharArray());
        String b = hasher.hash("admin".toCharArray());
        assertFalse(a.contains("admin"));
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void keepsVerifyingHashesMadeWithAnotherWorkFactor() {
        String old = new PasswordHasher(500).hash("pw".toCharArray());
        assertTrue(hasher.matches("pw".toCharArray(), old));
    }

    @Test
    void refusesMalformedHashes() {
        assertFalse(hasher.matches("pw".toCharArray(), "plain:pw"));
        assertFalse(hasher.matches("pw".toCharArray(), "md5$1$abc$def"));
    }
}
