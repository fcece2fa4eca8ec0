package org.icm.kernel.privacy;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Each person's own data key (crypto-shredding): personal values are encrypted with it wherever they cannot be erased,
 * and deleting it makes every such copy unreadable at once.
 */
public interface PersonalDataKeys {

    /** No key store: any use fails, so a value marked personal is never written in clear nor read as erased by mistake. */
    PersonalDataKeys NONE = new PersonalDataKeys() {
        @Override
        public Optional<SecretKey> keyFor(String subject) {
            throw new IllegalStateException("personal data met where no key store is configured");
        }

        @Override
        public Optional<SecretKey> existingKey(String subject) {
            return keyFor(subject);
        }

        @Override
        public boolean erase(String subject) {
            return keyFor(subject).isPresent();
        }

        @Override
        public boolean erased(String subject) {
            return keyFor(subject).isEmpty();
        }
    };

    /** The person's key, made on first use; empty once the person is erased (no key is ever made again for them). */
    Optional<SecretKey> keyFor(String subject);

    /** The person's key if they have one; empty when they never had one or were erased. */
    Optional<SecretKey> existingKey(String subject);

    /** Deletes the person's key for good; answers whether there was one. */
    boolean erase(String subject);

    /** Whether the person was erased. */
    boolean erased(String subject);
}
