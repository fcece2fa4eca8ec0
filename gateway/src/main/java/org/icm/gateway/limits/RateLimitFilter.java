package org.icm.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.icm.gateway.problems.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Request rates, as token buckets (Bucket4j, in memory: there is no Redis for Spring Cloud Gateway's
 * RequestRateLimiter): one per signed-in account (the token's subject), one per client address for anonymous
 * callers. An empty bucket answers 429 with {@code Retry-After} (whole seconds until a token is back).
 * Runs after Spring Security, so the account is known. A request refused there for want of a valid token (401)
 * costs a token of its address's bucket ({@link #unauthenticated}), so guessing tokens is limited like any anonymous
 * call; a 403 costs nothing (its account is known and was counted by nothing else yet, but it reached no service).
 * Buckets live in one instance's memory: behind several gateway instances each allows the full rate.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    /** Just after Spring Security's filter chain (-100). */
    static final int ORDER = -90;

    private final LimitProperties.Bucket accountLimit;
    private final LimitProperties.Bucket anonymousLimit;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(LimitProperties properties) {
        this.accountLimit = properties.rateLimit().account();
        this.anonymousLimit = properties.rateLimit().anonymous();
        long idleSeconds = Math.max(accountLimit.fullAfter().toSeconds(), anonymousLimit.fullAfter().toSeconds()) + 1;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.rateLimit().buckets())
                // a bucket idle long enough to be full again is the same as a new one
                .expireAfterAccess(idleSeconds, TimeUnit.SECONDS)
                .build();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Principal::getName)
                .map(account -> "account:" + account)
                .switchIfEmpty(Mono.fromSupplier(() -> addressKey(exchange)))
                .flatMap(key -> admit(exchange, key, () -> chain.filter(exchange)));
    }

    /**
     * A request Spring Security refuses for want of a valid token: counted against its address's bucket, answered with
     * {@code refusal} (the 401) while the bucket holds a token, with 429 once it is empty.
     */
    public Mono<Void> unauthenticated(ServerWebExchange exchange, Supplier<Mono<Void>> refusal) {
        return admit(exchange, addressKey(exchange), refusal);
    }

    private Mono<Void> admit(ServerWebExchange exchange, String key, Supplier<Mono<Void>> next) {
        ConsumptionProbe probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            return next.get();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
        return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "This " + (key.startsWith("account:") ? "account" : "address") + " sent more requests than the gateway allows; try again in "
                        + seconds + " s.");
    }

    private static String addressKey(ServerWebExchange exchange) {
        return "address:" + address(exchange);
    }

    private Bucket newBucket(String key) {
        LimitProperties.Bucket limit = key.startsWith("account:") ? accountLimit : anonymousLimit;
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
                .build();
    }

    /** The caller's address as this server sees it: forwarded headers are not trusted (anyone can send them). */
    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
