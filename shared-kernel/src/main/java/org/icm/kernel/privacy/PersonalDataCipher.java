package org.icm.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one personal value with its person's key (AES-256-GCM, a random 96-bit nonce, the person's id as associated
 * data, so a value cannot be passed off as another person's). The sealed form is text, {@code pd1:<nonce+ciphertext,
 * base64url>:<person id>}, so it fits any JSON string field. A value without that prefix is read as it is: events
 * written before encryption was introduced.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PersonalDataKeys keys;

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** The value sealed with the person's key; {@link PersonalData#ERASED} when the person is erased already. */
    public String seal(String subject, String value) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalStateException("a personal value needs the id of its person; refusing to write it in clear");
        }
        Optional<SecretKey> key = keys.keyFor(subject);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        return PREFIX + ENCODER.encodeToString(encrypt(key.get(), subject, value.getBytes(StandardCharsets.UTF_8))) + ":" + subject;
    }

    /** The clear value; {@link PersonalData#ERASED} when its person's key is gone. A tampered value is an error, not an erasure. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalArgumentException("not a sealed personal value");
        }
        String subject = stored.substring(colon + 1);
        Optional<SecretKey> key = keys.existingKey(subject);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        byte[] sealed = DECODER.decode(stored.substring(PREFIX.length(), colon));
        return new String(decrypt(key.get(), subject, sealed), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** AES-GCM with a fresh random nonce, written before the ciphertext; the associated data binds it to {@code context}. */
    public static byte[] encrypt(SecretKey key, String context, byte[] clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(clear);
            byte[] out = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Reverses {@link #encrypt}; fails when the bytes, the key or the context do not match. */
    public static byte[] decrypt(SecretKey key, String context, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with its key: tampered with, or the wrong key", e);
        }
    }
}
