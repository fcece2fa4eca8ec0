package org.icm.service.privacy;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform's key store is ({@code icm.personal-data.key-store.*}), the key-encryption keys that wrap the
 * people's keys in it ({@code icm.personal-data.key-encryption-keys}, or {@code ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS}:
 * {@code id:base64} entries, comma-separated, the first one wraps new keys), and how long a person's key may be used
 * from memory before it is read again (the longest an erasure made on another instance takes to reach this one).
 */
@ConfigurationProperties("icm.personal-data")
public record PersonalDataProperties(KeyStore keyStore, List<String> keyEncryptionKeys, Duration keyCacheTime) {

    public PersonalDataProperties {
        keyEncryptionKeys = keyEncryptionKeys == null ? List.of() : List.copyOf(keyEncryptionKeys);
        keyCacheTime = keyCacheTime == null ? Duration.ofSeconds(5) : keyCacheTime;
    }

    public record KeyStore(String url, String username, String password) {
    }
}
