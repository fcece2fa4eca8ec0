package org.icm.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker of each service: opens when half of the last 20 calls failed (at least 10 calls; a failure is
 * an error reaching the service or no answer in time, not a 4xx or 5xx it answers with), stays open
 * {@code icm.gateway.circuit-open-for} (callers get 503 at once), then lets a few calls try. Its time limiter is
 * a little longer than the HTTP client's response time-out, which answers 504 first.
 */
@Configuration(proxyBeanMethods = false)
class Resilience {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakers(
            @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout:30s}") Duration responseTimeout,
            @Value("${icm.gateway.circuit-open-for:10s}") Duration openFor) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(openFor)
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(responseTimeout.plusSeconds(5)).build())
                .build());
    }
}
