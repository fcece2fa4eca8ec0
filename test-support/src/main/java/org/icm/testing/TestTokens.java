package org.icm.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;

/**
 * A test issuer: an RSA key made when the test JVM starts (no key is stored anywhere), its public half
 * served as a real JWKS document over HTTP, and signed access tokens with the platform's claims. Services
 * under test fetch the key set exactly as they fetch the membership service's in production.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.icm.local";

    private static TestTokens instance;

    private final RSAKey signingKey;
    private final HttpServer jwksServer;

    private TestTokens(RSAKey signingKey, HttpServer jwksServer) {
        this.signingKey = signingKey;
        this.jwksServer = jwksServer;
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new TestTokens(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make a test signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test key set", e);
        }
    }

    /** Where services under test fetch the public key. */
    public String jwkSetUri() {
        return "http://localhost:" + jwksServer.getAddress().getPort() + "/oauth2/jwks";
    }

    /** A valid token, good for 10 minutes, for an account of an organisation with the given roles. */
    public String mint(AccountId account, OrganisationId organisation, Role... roles) {
        return sign(claims(account, organisation, roles).build());
    }

    /** The claims of a valid token, to change one thing for a negative test. */
    public JWTClaimsSet.Builder claims(AccountId account, OrganisationId organisation, Role... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(IcmClaims.AUDIENCE)
                .subject(account.toString())
                .claim(IcmClaims.ORGANISATION, organisation.toString())
                .claim(IcmClaims.ROLES, Arrays.stream(roles).map(Role::name).toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signs any claims with the test key. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** A participant of a fresh organisation. */
    public String participant() {
        return mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
    }
}
