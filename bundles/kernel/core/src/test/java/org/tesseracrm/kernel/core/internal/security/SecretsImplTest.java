package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tesseracrm.kernel.api.CrmException;

class SecretsImplTest {
    @TempDir
    Path etc;

    private SecretsImpl secrets() {
        return new SecretsImpl(Optional.of(etc.resolve(SecretsImpl.KEY_FILE)));
    }

    @Test
    void opensWhatItSealedAndHidesTheSecret() {
        SecretsImpl secrets = secrets();
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7);
        }
        String sealed = secrets.seal(secret);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertArrayEquals(secret, secrets.open(sealed));
        assertEquals("pässword", secrets.openText(secrets.seal("pässword")));
        assertFalse(sealed.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret).substring(0, 10)));
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        SecretsImpl secrets = secrets();
        String a = secrets.seal("same");
        String b = secrets.seal("same");
        assertNotEquals(a, b);
        assertNotEquals(a.substring(3, 19), b.substring(3, 19), "the nonces differ");
        assertEquals("same", secrets.openText(a));
        assertEquals("same", secrets.openText(b));
    }

    @Test
    void detectsATamperedText() {
        SecretsImpl secrets = secrets();
        String sealed = secrets.seal("do not touch");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        for (int i : new int[] {0, 13, bytes.length - 1}) { // the nonce, the ciphertext, the tag
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            CrmException e = assertThrows(CrmException.class, () -> secrets.open(tampered));
            assertTrue(e.getMessage().contains("changed"), e.getMessage());
        }
        assertThrows(CrmException.class, () -> secrets.open("v2:" + sealed.substring(3)));
        assertThrows(CrmException.class, () -> secrets.open("v1:!!"));
        assertThrows(CrmException.class, () -> secrets.open("v1:AAAA"));
    }

    @Test
    void keepsTheKeyInOneFileCreatedOnceOwnerOnly() throws Exception {
        String sealed = secrets().seal("kept");
        Path file = etc.resolve(SecretsImpl.KEY_FILE);
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()).length);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals("kept", secrets().openText(sealed), "a new instance reads the same key");
        try (var listing = Files.list(etc)) {
            assertEquals(1, listing.count(), "no temporary file left");
        }
    }

    @Test
    void refusesTextSealedWithAnotherKey() throws Exception {
        String sealed = secrets().seal("old key");
        Files.delete(etc.resolve(SecretsImpl.KEY_FILE));
        assertThrows(CrmException.class, () -> secrets().open(sealed));
    }

    @Test
    void failsClearlyWithoutAKeyFolder() {
        CrmException e = assertThrows(CrmException.class, () -> new SecretsImpl(Optional.empty()).seal("x"));
        assertTrue(e.getMessage().contains("karaf.etc"), e.getMessage());
    }
}
