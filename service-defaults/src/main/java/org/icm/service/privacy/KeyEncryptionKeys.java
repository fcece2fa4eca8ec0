package org.icm.service.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.icm.kernel.privacy.PersonalDataCipher;

/**
 * The keys that wrap every person's data key in the key store (envelope encryption). The first wraps new keys; the
 * others only unwrap, until {@link PostgresPersonalDataKeys#rotate()} has rewrapped every key with the first. So a
 * rotation is: put the new key first, keep the old one after it, start the services (each rewraps at start), then drop
 * the old one.
 */
final class KeyEncryptionKeys {

    private final String currentId;
    private final Map<String, SecretKey> byId;

    private KeyEncryptionKeys(String currentId, Map<String, SecretKey> byId) {
        this.currentId = currentId;
        this.byId = byId;
    }

    /** Reads {@code id:base64} entries of 256-bit keys; fails with a message that names what is wrong, never the key. */
    static KeyEncryptionKeys parse(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("no key-encryption key: set icm.personal-data.key-encryption-keys "
                    + "(ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS) to id:base64 of a random 256-bit key");
        }
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String id = colon > 0 ? entry.substring(0, colon).strip() : "";
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (id.isEmpty() || id.length() > 64 || key.length != 32) {
                throw new IllegalStateException("a key-encryption key must be id:base64 of 32 bytes; the one named '" + id + "' is not");
            }
            if (byId.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException("key-encryption key '" + id + "' is given twice");
            }
        }
        return new KeyEncryptionKeys(byId.keySet().iterator().next(), byId);
    }

    String currentId() {
        return currentId;
    }

    /** A person's key wrapped by the current key-encryption key, bound to the person's id. */
    byte[] wrap(String subject, SecretKey dataKey) {
        return PersonalDataCipher.encrypt(byId.get(currentId), context(subject), dataKey.getEncoded());
    }

    SecretKey unwrap(String kekId, String subject, byte[] wrapped) {
        SecretKey kek = byId.get(kekId);
        if (kek == null) {
            throw new IllegalStateException("the key store holds keys wrapped by key-encryption key '" + kekId
                    + "', which is not configured: keep it in icm.personal-data.key-encryption-keys until every key is rewrapped");
        }
        return new SecretKeySpec(PersonalDataCipher.decrypt(kek, context(subject), wrapped), "AES");
    }

    private static String context(String subject) {
        return "data-key:" + subject;
    }
}
