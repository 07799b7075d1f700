package org.tesseracrm.kernel.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.Secrets;

/**
 * AES-256-GCM with a 96-bit random nonce per value and a 128-bit tag. A sealed text is {@value #PREFIX} followed by
 * the URL-safe Base64 of nonce + ciphertext + tag; the prefix is also the cipher's associated data, so a later format
 * can be told apart and a text cannot be passed off as another version's. The key is 32 random bytes, in Base64, in
 * {@value #KEY_FILE} in Karaf's etc folder, created at first use (owner read/write only where the file system has
 * POSIX permissions) and read once per activation. Several nodes on one database need the same key file.
 */
@Component(service = Secrets.class)
public class SecretsImpl implements Secrets {
    /** The key file's name, in {@code ${karaf.etc}}. */
    public static final String KEY_FILE = "tessera-secrets.key";
    static final String PREFIX = "v1:";
    private static final Logger LOG = LoggerFactory.getLogger(SecretsImpl.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<Path> keyFile;
    private volatile SecretKey key;

    /** Keeps the key in Karaf's etc folder. */
    @Activate
    public SecretsImpl() {
        this(Optional.ofNullable(System.getProperty("karaf.etc")).map(etc -> Path.of(etc, KEY_FILE)));
    }

    /** @param keyFile where the key is, or is created; empty: nowhere, every call fails */
    SecretsImpl(Optional<Path> keyFile) {
        this.keyFile = keyFile;
    }

    @Override
    public String seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plain);
            byte[] text = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text);
        } catch (GeneralSecurityException e) {
            throw new CrmException("A secret could not be encrypted: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new CrmException("A stored secret is not in the expected format.");
        }
        byte[] text;
        try {
            text = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CrmException("A stored secret is not in the expected format.", e);
        }
        if (text.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CrmException("A stored secret is not in the expected format.");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(text, NONCE_BYTES));
            return cipher.doFinal(text, NONCE_BYTES, text.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CrmException("A stored secret could not be decrypted: it was changed, or sealed with another key than "
                    + keyFile.map(Path::toString).orElse(KEY_FILE) + ".", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        Path file = keyFile.orElseThrow(() -> new CrmException(
                "Secrets cannot be stored: the system property karaf.etc names no folder for " + KEY_FILE + "."));
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (bytes.length != KEY_BYTES) {
                throw new CrmException("The key file " + file + " does not hold a 256-bit key.");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw new CrmException("The key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes a new key to a new file; if another thread or node created it meanwhile, theirs stands. */
    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tessera-secrets", ".tmp");
        try {
            if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
                LOG.info("Created the key for stored secrets, {}: back it up apart from the database", file);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("{} was created meanwhile", file);
            } catch (UnsupportedOperationException e) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                    LOG.info("Created the key for stored secrets, {}: back it up apart from the database", file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
