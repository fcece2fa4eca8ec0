package org.icm.service.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.icm.kernel.privacy.PersonalDataKeys;

/**
 * The platform's key store in PostgreSQL (its own database, shared by every service, as a key-management service would
 * be): one AES-256 key per person, wrapped by a {@link KeyEncryptionKeys key-encryption key} from the configuration,
 * so neither a copy of the database nor of the configuration alone opens anything. Erasing a person deletes their key
 * and remembers that they were erased, so no key is made for them again.
 *
 * <p>A key read from the store is used from memory for a few seconds ({@code icm.personal-data.key-cache-time}); an
 * erasure on this instance takes effect at once, one on another instance within that time.
 */
public final class PostgresPersonalDataKeys implements PersonalDataKeys, AutoCloseable {

    private final DataSource dataSource;
    private final KeyEncryptionKeys keyEncryptionKeys;
    private final Cache<String, SecretKey> recentlyRead;
    /** Erasure is for good, so an erased person, once seen, is never looked up again. */
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    PostgresPersonalDataKeys(DataSource dataSource, KeyEncryptionKeys keyEncryptionKeys, Duration cacheTime) {
        this.dataSource = dataSource;
        this.keyEncryptionKeys = keyEncryptionKeys;
        this.recentlyRead = Caffeine.newBuilder().expireAfterWrite(cacheTime).maximumSize(10_000).build();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/personal-data")
                .table("personal_data_schema_history").load().migrate();
    }

    /** The key store of the configuration: its own small connection pool, its schema migrated, older wrappings renewed. */
    public static PostgresPersonalDataKeys connect(PersonalDataProperties properties) {
        KeyEncryptionKeys keys = KeyEncryptionKeys.parse(properties.keyEncryptionKeys());
        if (properties.keyStore() == null || properties.keyStore().url() == null) {
            throw new IllegalStateException("no key store: set icm.personal-data.key-store.url");
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("personal-data-keys");
        pool.setJdbcUrl(properties.keyStore().url());
        pool.setUsername(properties.keyStore().username());
        pool.setPassword(properties.keyStore().password());
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        return new PostgresPersonalDataKeys(new HikariDataSource(pool), keys, properties.keyCacheTime());
    }

    @Override
    public Optional<SecretKey> keyFor(String subject) {
        Optional<SecretKey> existing = existingKey(subject);
        if (existing.isPresent() || erased.contains(subject)) {
            return existing;
        }
        SecretKey key = newKey();
        boolean made = inTransaction(subject, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into data_key (subject, wrapped_key, kek_id)
                    select ?, ?, ? where not exists (select 1 from erased_subject where subject = ?)
                    on conflict (subject) do nothing""")) {
                insert.setString(1, subject);
                insert.setBytes(2, keyEncryptionKeys.wrap(subject, key));
                insert.setString(3, keyEncryptionKeys.currentId());
                insert.setString(4, subject);
                return insert.executeUpdate() == 1;
            }
        });
        if (made) {
            recentlyRead.put(subject, key);
            return Optional.of(key);
        }
        // another instance made it first, or the person was erased meanwhile
        return existingKey(subject);
    }

    @Override
    public Optional<SecretKey> existingKey(String subject) {
        if (erased.contains(subject)) {
            return Optional.empty();
        }
        SecretKey cached = recentlyRead.getIfPresent(subject);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select k.wrapped_key, k.kek_id, e.subject is not null as erased
                     from (select ?::varchar as subject) s
                     left join data_key k on k.subject = s.subject
                     left join erased_subject e on e.subject = s.subject""")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getBoolean("erased")) {
                    erased.add(subject);
                    return Optional.empty();
                }
                byte[] wrapped = row.getBytes("wrapped_key");
                if (wrapped == null) {
                    return Optional.empty();
                }
                SecretKey key = keyEncryptionKeys.unwrap(row.getString("kek_id"), subject, wrapped);
                recentlyRead.put(subject, key);
                return Optional.of(key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the key store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean erase(String subject) {
        boolean hadKey = inTransaction(subject, connection -> {
            try (PreparedStatement remember = connection.prepareStatement(
                    "insert into erased_subject (subject) values (?) on conflict (subject) do nothing");
                 PreparedStatement delete = connection.prepareStatement("delete from data_key where subject = ?")) {
                remember.setString(1, subject);
                remember.executeUpdate();
                delete.setString(1, subject);
                return delete.executeUpdate() == 1;
            }
        });
        erased.add(subject);
        recentlyRead.invalidate(subject);
        return hadKey;
    }

    @Override
    public boolean erased(String subject) {
        existingKey(subject);
        return erased.contains(subject);
    }

    /**
     * Rewraps with the first key-encryption key every key wrapped by another, one at a time (each service does it at
     * start; doing it twice changes nothing). Answers how many keys were rewrapped.
     */
    public int rotate() {
        List<String[]> older = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select subject, kek_id from data_key where kek_id <> ?")) {
            select.setString(1, keyEncryptionKeys.currentId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    older.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the key store cannot be read: " + e.getMessage(), e);
        }
        int rewrapped = 0;
        for (String[] row : older) {
            String subject = row[0];
            boolean done = inTransaction(subject, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "select wrapped_key from data_key where subject = ? and kek_id = ?");
                     PreparedStatement update = connection.prepareStatement(
                             "update data_key set wrapped_key = ?, kek_id = ? where subject = ? and kek_id = ?")) {
                    select.setString(1, subject);
                    select.setString(2, row[1]);
                    byte[] wrapped;
                    try (ResultSet found = select.executeQuery()) {
                        if (!found.next()) {
                            return false;
                        }
                        wrapped = found.getBytes(1);
                    }
                    update.setBytes(1, keyEncryptionKeys.wrap(subject, keyEncryptionKeys.unwrap(row[1], subject, wrapped)));
                    update.setString(2, keyEncryptionKeys.currentId());
                    update.setString(3, subject);
                    update.setString(4, row[1]);
                    return update.executeUpdate() == 1;
                }
            });
            rewrapped += done ? 1 : 0;
        }
        return rewrapped;
    }

    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing a pool at shutdown: nothing left to do
            }
        }
    }

    private interface Work {
        boolean run(Connection connection) throws SQLException;
    }

    /** One transaction that holds the person's advisory lock, so making and erasing their key never interleave. */
    private boolean inTransaction(String subject, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, subject);
                    lock.execute();
                }
                boolean result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the key store cannot be written: " + e.getMessage(), e);
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
    }
}
