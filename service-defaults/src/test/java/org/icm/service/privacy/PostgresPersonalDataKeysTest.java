package org.icm.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.icm.infrastructure.Infrastructure;
import org.icm.infrastructure.SharedInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key store on the test JVM's real PostgreSQL, in a database of its own (a rotation touches every key there). */
class PostgresPersonalDataKeysTest {

    private static final String DATABASE = "keys_test_" + Long.toHexString(System.nanoTime());
    private final Infrastructure infrastructure = SharedInfrastructure.get();
    private static final String FIRST = kek("first");
    private static final String SECOND = kek("second");

    @Test
    void aPersonsKeyIsMadeOnceKeptWrappedAndReadBackByAnyInstance() throws Exception {
        String person = UUID.randomUUID().toString();
        try (PostgresPersonalDataKeys one = keys(List.of(FIRST)); PostgresPersonalDataKeys other = keys(List.of(FIRST))) {
            SecretKey key = one.keyFor(person).orElseThrow();

            assertThat(other.existingKey(person)).contains(key);
            assertThat(other.keyFor(person)).contains(key);
            assertThat(row(person, "wrapped_key")).isNotEqualTo(key.getEncoded()).hasSize(12 + 32 + 16);
            assertThat(new String(row(person, "kek_id"))).isEqualTo("first");
        }
    }

    @Test
    void anErasedPersonHasNoKeyAnyMoreOnAnyInstanceAndNeverGetsANewOne() throws Exception {
        String person = UUID.randomUUID().toString();
        try (PostgresPersonalDataKeys one = keys(List.of(FIRST)); PostgresPersonalDataKeys other = keys(List.of(FIRST))) {
            one.keyFor(person).orElseThrow();

            assertThat(other.erase(person)).isTrue();

            assertThat(other.existingKey(person)).isEmpty();
            assertThat(other.keyFor(person)).isEmpty();
            assertThat(one.existingKey(person)).as("read again after the cache time").isEmpty();
            assertThat(one.keyFor(person)).isEmpty();
            assertThat(one.erased(person)).isTrue();
            assertThat(row(person, "wrapped_key")).isNull();
        }
    }

    @Test
    void aNewKeyEncryptionKeyRewrapsEveryKeyAndTheOldOneCanThenGo() throws Exception {
        String person = UUID.randomUUID().toString();
        SecretKey key;
        try (PostgresPersonalDataKeys before = keys(List.of(FIRST))) {
            key = before.keyFor(person).orElseThrow();
        }
        try (PostgresPersonalDataKeys during = keys(List.of(SECOND, FIRST))) {
            assertThat(during.rotate()).isGreaterThanOrEqualTo(1);
            assertThat(during.rotate()).isZero();
        }
        assertThat(new String(row(person, "kek_id"))).isEqualTo("second");
        try (PostgresPersonalDataKeys after = keys(List.of(SECOND))) {
            assertThat(after.existingKey(person)).contains(key);
        }
        try (PostgresPersonalDataKeys withTheOldKeyOnly = keys(List.of(FIRST))) {
            assertThatThrownBy(() -> withTheOldKeyOnly.existingKey(person)).hasMessageContaining("'second'").hasMessageContaining("not configured");
        }
    }

    @Test
    void aMissingOrMalformedKeyEncryptionKeyIsNamedNotShown() {
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of())).hasMessageContaining("ICM_PERSONAL_DATA_KEY_ENCRYPTION_KEYS");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of("short:c2VjcmV0"))).hasMessageContaining("'short'").hasMessageNotContaining("c2VjcmV0");
    }

    private PostgresPersonalDataKeys keys(List<String> keyEncryptionKeys) {
        var properties = new PersonalDataProperties(new PersonalDataProperties.KeyStore(url(), infrastructure.postgresUser(),
                infrastructure.postgresPassword()), keyEncryptionKeys, Duration.ofMillis(1));
        return PostgresPersonalDataKeys.connect(properties);
    }

    private byte[] row(String person, String column) throws Exception {
        try (Connection connection = DriverManager.getConnection(url(), infrastructure.postgresUser(), infrastructure.postgresPassword());
             PreparedStatement select = connection.prepareStatement("select " + column + "::bytea from data_key where subject = ?")) {
            select.setString(1, person);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? found.getBytes(1) : null;
            }
        }
    }

    @BeforeAll
    static void ownDatabase() throws Exception {
        Infrastructure infrastructure = SharedInfrastructure.get();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + infrastructure.postgresHost() + ":"
                + infrastructure.postgresPort() + "/postgres", infrastructure.postgresUser(), infrastructure.postgresPassword());
             var create = connection.createStatement()) {
            create.execute("create database " + DATABASE);
        }
    }

    private String url() {
        return "jdbc:postgresql://" + infrastructure.postgresHost() + ":" + infrastructure.postgresPort() + "/" + DATABASE;
    }

    private static String kek(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }
}
