package org.icm.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.icm.gateway.routing.PlatformServices;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway's health includes each service's own health ({@code services.policy}, ...), so
 * {@code /actuator/health} is UP only when the whole platform is. Liveness stays the gateway's own.
 */
@Configuration(proxyBeanMethods = false)
class ServicesHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean
    CompositeReactiveHealthContributor services(PlatformServices platform) {
        WebClient client = WebClient.create();
        return CompositeReactiveHealthContributor.fromMap(platform.services(), uri -> serviceHealth(client, uri));
    }

    private static ReactiveHealthIndicator serviceHealth(WebClient client, URI uri) {
        URI health = URI.create(uri.toString().replaceAll("/+$", "") + "/actuator/health");
        return () -> client.get().uri(health)
                .exchangeToMono(response -> response.bodyToMono(Map.class)
                        .defaultIfEmpty(Map.of())
                        .map(body -> "UP".equals(body.get("status")) && response.statusCode().is2xxSuccessful()
                                ? Health.up().withDetail("url", health.toString()).build()
                                : Health.down().withDetail("url", health.toString()).withDetail("status", String.valueOf(body.get("status"))).build()))
                .timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(Health.down().withDetail("url", health.toString()).withDetail("error", error.toString()).build()));
    }
}
