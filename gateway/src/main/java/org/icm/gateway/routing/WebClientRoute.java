package org.icm.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The web client (module {@code web}) behind the gateway: every path no other route claims ({@code /api/**}, the
 * issuer's paths, ...) goes to it, so people find the pages at the gateway's root. Lowest precedence, so the other
 * routes always win. Its health joins the gateway's as {@code web}, read from its own actuator (not a public route).
 */
@Configuration(proxyBeanMethods = false)
class WebClientRoute {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * Paths the gateway answers for itself or routes elsewhere: never the web client's, so an unknown {@code /api/...}
     * is the gateway's 404 problem, not a page, and Swagger UI and the actuator stay the gateway's.
     */
    static final String[] NOT_THE_WEB_CLIENTS = {"/api/**", "/admin/**", "/actuator/**", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs/**", "/webjars/swagger-ui/**"};

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RouteLocator webClientRouteLocator(RouteLocatorBuilder builder, @Value("${icm.web-client.uri:http://localhost:8085}") URI web) {
        return builder.routes()
                // the browser's Host goes on: the web client builds its links and its sign-in redirect URI from it
                .route("web", route -> route.order(Ordered.LOWEST_PRECEDENCE).path("/**").and().not(reserved -> reserved.path(NOT_THE_WEB_CLIENTS))
                        .filters(filter -> filter.preserveHostHeader()).uri(web))
                .build();
    }

    @Bean("web")
    ReactiveHealthIndicator webClientHealth(@Value("${icm.web-client.uri:http://localhost:8085}") URI web) {
        URI health = URI.create(web.toString().replaceAll("/+$", "") + "/actuator/health");
        WebClient client = WebClient.create();
        return () -> client.get().uri(health)
                .exchangeToMono(response -> response.bodyToMono(Map.class).defaultIfEmpty(Map.of())
                        .map(body -> "UP".equals(body.get("status")) && response.statusCode().is2xxSuccessful()
                                ? Health.up().withDetail("url", health.toString()).build()
                                : Health.down().withDetail("url", health.toString()).build()))
                .timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(Health.down().withDetail("url", health.toString()).withDetail("error", error.toString()).build()));
    }
}
