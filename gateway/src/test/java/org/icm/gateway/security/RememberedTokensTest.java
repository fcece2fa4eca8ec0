package org.icm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The gateway's memory of checked tokens, around a real decoder that fetches the test issuer's keys. */
class RememberedTokensTest {

    final TestTokens tokens = TestTokens.get();
    final AtomicInteger checks = new AtomicInteger();
    final NimbusReactiveJwtDecoder real = NimbusReactiveJwtDecoder.withJwkSetUri(tokens.jwkSetUri()).build();
    final ReactiveJwtDecoder counted = token -> {
        checks.incrementAndGet();
        return real.decode(token);
    };
    final RememberedTokens.Remembering remembering = new RememberedTokens.Remembering(counted, Clock.systemUTC());

    @Test
    void aTokenIsCheckedOnceThenRemembered() {
        String token = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);

        String first = remembering.decode(token).block().getSubject();
        String second = remembering.decode(token).block().getSubject();

        assertThat(second).isEqualTo(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aTamperedTokenIsCheckedAndRefusedAndARefusalIsNotRemembered() {
        String token = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        remembering.decode(token).block();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> remembering.decode(tampered).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> remembering.decode(tampered).block()).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(3);
    }
}
