package org.icm.service.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** The settings among flat Spring properties, as a test or a benchmark has them from its infrastructure. */
    public static PersonalDataProperties of(Map<String, String> properties) {
        String keys = properties.get("icm.personal-data.key-encryption-keys");
        return new PersonalDataProperties(new KeyStore(properties.get("icm.personal-data.key-store.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password")),
                keys == null ? List.of() : List.of(keys.split(",")), null);
    }

    public record KeyStore(String url, String username, String password) {
    }
}
