package org.icm.membership.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The RSA key that signs access tokens, kept in this service's PostgreSQL database so a restart keeps every issued
 * token valid. Made on the first start; two instances starting together agree on one (insert-if-absent, then read
 * the oldest). The key is as secret as the database; a deployment that wants a KMS or an HSM replaces this bean.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static JWKSource<SecurityContext> load(JdbcTemplate jdbc) {
        List<String> stored = oldest(jdbc);
        if (stored.isEmpty()) {
            RSAKey key = generate();
            jdbc.update("insert into signing_keys (kid, jwk) values (?, ?) on conflict do nothing", key.getKeyID(), key.toJSONString());
            stored = oldest(jdbc);
        }
        try {
            return new ImmutableJWKSet<>(new JWKSet(RSAKey.parse(stored.getFirst())));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static List<String> oldest(JdbcTemplate jdbc) {
        return jdbc.queryForList("select jwk from signing_keys order by created_at, kid limit 1", String.class);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }
}
