package org.icm.gateway.routing;

import java.net.URI;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's routes, all more specific than the web client's catch-all {@code /**} (declared elsewhere, last):
 * <ul>
 * <li>{@code /api/<name>/rest} goes to the service as {@code /rest};</li>
 * <li>{@code /admin/<name>/rest} too, for focal points only (GatewaySecurity): the focal points' operations of each
 * service (admissions, curation, replays, dead letters, ...) under one prefix that the gateway guards by role;</li>
 * <li>the issuer's sign-in endpoints go to membership-service unchanged, with the caller's Host header, so the
 * redirects it makes (to {@code /login} and back) point at the gateway.</li>
 * </ul>
 * Each service has a circuit breaker (named after it) shared by its routes: a service that keeps failing is given
 * a rest, and meanwhile callers get a fast 503 instead of waiting for time-outs. The feed's event stream is open for
 * as long as the browser listens, so it has no response time-out and no circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, PlatformServices platform) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        platform.services().forEach((name, uri) -> {
            routes.route("api-" + name, route -> route
                    .path("/api/" + name + "/**")
                    .filters(filter -> filter.stripPrefix(2).circuitBreaker(breaker -> breaker.setName(name)))
                    .uri(uri));
            routes.route("admin-" + name, route -> route
                    .path("/admin/" + name + "/**")
                    .filters(filter -> filter.stripPrefix(2).circuitBreaker(breaker -> breaker.setName(name)))
                    .uri(uri));
        });
        URI notification = platform.services().get("notifications");
        if (notification != null) {
            routes.route("notification-feed-stream", route -> route
                    .order(-1)
                    .path("/api/notifications/feed/stream")
                    .filters(filter -> filter.stripPrefix(2))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
                    .uri(notification));
        }
        URI membership = platform.services().get("membership");
        if (membership != null) {
            routes.route("sign-in", route -> route
                    .path(PlatformServices.SIGN_IN_PATHS)
                    .filters(filter -> filter.preserveHostHeader().circuitBreaker(breaker -> breaker.setName("membership")))
                    .uri(membership));
        }
        return routes.build();
    }
}
