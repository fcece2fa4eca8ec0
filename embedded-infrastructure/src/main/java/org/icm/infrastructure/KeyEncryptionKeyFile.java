package org.icm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's key-encryption key, in a file of its data folder readable by its owner only: made once, at
 * random, and read on every later start (losing it makes every person's sealed data unreadable, as erasure would).
 * Production takes its keys from the environment instead ({@code ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS}).
 */
final class KeyEncryptionKeyFile {

    private KeyEncryptionKeyFile() {
    }

    /** A new random 256-bit key named {@code id}, as {@code id:base64}. */
    static String random(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The keys as {@code id:base64} (the form {@code icm.personal-data.key-encryption-keys} takes). */
    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            String keys = random("local-1");
            Files.createDirectories(file.getParent());
            Files.writeString(file, keys + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key " + file, e);
        }
    }
}
