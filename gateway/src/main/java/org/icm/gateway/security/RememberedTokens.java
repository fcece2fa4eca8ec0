package org.icm.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token already checked is not checked again on each request of the same person: the decoder Spring Boot builds
 * (signature, issuer, audience, expiry) keeps what it accepted, keyed by the whole token text, until the token expires
 * (at most {@link #LONGEST}). A token that differs by one character (tampered) is a different key and is checked in
 * full; a refused token is never kept; a kept one leaves when it expires, so expiry is still enforced. Measured, the
 * signature check was the largest single cost of a request with a token (GatewayOverheadBenchmark).
 */
@Configuration(proxyBeanMethods = false)
public class RememberedTokens {

    /** Keys rotate, accounts change roles: re-check a long-lived token now and then even before it expires. */
    static final Duration LONGEST = Duration.ofMinutes(5);
    static final long MOST_TOKENS = 10_000;

    @Bean
    static BeanPostProcessor rememberCheckedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof Remembering)
                        ? new Remembering(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    /** The decoder with a memory of the tokens it accepted. */
    public static final class Remembering implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder checked;
        private final Clock clock;
        private final Cache<String, Jwt> accepted;

        Remembering(ReactiveJwtDecoder checked, Clock clock) {
            this.checked = checked;
            this.clock = clock;
            this.accepted = Caffeine.newBuilder().maximumSize(MOST_TOKENS).expireAfter(untilExpiry()).build();
        }

        @Override
        public Mono<Jwt> decode(String token) {
            Jwt known = accepted.getIfPresent(token);
            if (known != null) {
                return Mono.just(known);
            }
            return checked.decode(token).doOnNext(jwt -> accepted.put(token, jwt));
        }

        private Expiry<String, Jwt> untilExpiry() {
            return new Expiry<>() {
                @Override
                public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                    Instant now = clock.instant();
                    Instant expiresAt = jwt.getExpiresAt() == null ? now : jwt.getExpiresAt();
                    Duration left = Duration.between(now, expiresAt);
                    return (left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left).toNanos();
                }

                @Override
                public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                    return currentDuration;
                }

                @Override
                public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            };
        }
    }
}
