package org.icm.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One route per service: {@code /api/<name>/rest} goes to the service as {@code /rest}. */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, PlatformServices platform) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        platform.services().forEach((name, uri) -> routes.route(name, route -> route
                .path("/api/" + name + "/**")
                .filters(filter -> filter.stripPrefix(2))
                .uri(uri)));
        return routes.build();
    }
}
