package org.icm.gateway.web;

import org.icm.gateway.security.GatewaySecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer, the gateway's own and the services' (Spring Security's header writers, run
 * first so that even a request refused before the security chain gets them): X-Content-Type-Options, X-Frame-Options
 * DENY, Referrer-Policy, Content-Security-Policy ({@code icm.gateway.content-security-policy}), Cache-Control for
 * answers that say nothing about caching, and HSTS on HTTPS only (over plain HTTP it means nothing to a browser).
 * A header the service already set is kept.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    /** Swagger UI's script adds a style element of its own (seen in Chromium): allowed on its pages only. */
    static final String SWAGGER_UI_STYLES = "; style-src 'self' 'unsafe-inline'";

    private final ServerHttpHeadersWriter writers;
    private final ServerHttpHeadersWriter swaggerUiWriters;

    SecurityHeadersFilter(GatewaySecurityProperties properties) {
        this.writers = writers(properties.contentSecurityPolicy());
        this.swaggerUiWriters = writers(properties.contentSecurityPolicy() + SWAGGER_UI_STYLES);
    }

    private static ServerHttpHeadersWriter writers(String contentSecurityPolicy) {
        var csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives(contentSecurityPolicy);
        var frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        var referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN);
        return new CompositeServerHttpHeadersWriter(new ContentTypeOptionsServerHttpHeadersWriter(), frames, referrer, csp,
                new CacheControlServerHttpHeadersWriter(), new StrictTransportSecurityServerHttpHeadersWriter());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpHeadersWriter chosen = exchange.getRequest().getPath().value().startsWith("/swagger-ui/") ? swaggerUiWriters : writers;
        exchange.getResponse().beforeCommit(() -> chosen.writeHttpHeaders(exchange));
        return chain.filter(exchange);
    }
}
