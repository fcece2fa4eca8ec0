package org.icm.kernel.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** People's keys in memory, for tests of what is sealed: the PostgreSQL key store is tested in service-defaults. */
public final class InMemoryKeys implements PersonalDataKeys {
    final Map<String, SecretKey> keys = new HashMap<>();
    final Set<String> erased = new HashSet<>();

    @Override
    public Optional<SecretKey> keyFor(String subject) {
        if (erased.contains(subject)) {
            return Optional.empty();
        }
        return Optional.of(keys.computeIfAbsent(subject, s -> newKey()));
    }

    @Override
    public Optional<SecretKey> existingKey(String subject) {
        return Optional.ofNullable(keys.get(subject));
    }

    @Override
    public boolean erase(String subject) {
        erased.add(subject);
        return keys.remove(subject) != null;
    }

    @Override
    public boolean erased(String subject) {
        return erased.contains(subject);
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
