package org.icm.gateway.web;

import java.time.Duration;
import java.util.List;
import org.icm.gateway.problems.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured web origins, decided once at the front door (Spring's {@link DefaultCorsProcessor}): a
 * cross-origin request from any other origin is refused with 403 problem+json before it reaches security or a service;
 * a preflight from an allowed origin is answered here. Runs before Spring Security, because preflights carry no token.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final CorsConfiguration configuration;

    CorsFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, "X-Change-Reason"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-RateLimit-Remaining"));
        // bearer tokens, not cookies, cross origins
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        this.configuration = cors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            return GatewayProblems.write(exchange, HttpStatus.FORBIDDEN, "cors-refused", "Origin not allowed",
                    "Pages from " + origin + " may not call this API (or not with this method or these headers).");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
