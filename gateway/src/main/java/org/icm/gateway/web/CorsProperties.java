package org.icm.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web origins (scheme, host and port) whose pages may call the API from a browser: {@code icm.gateway.cors.allowed-origins}.
 * Pages served through the gateway itself are same-origin and need no entry.
 */
@ConfigurationProperties("icm.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
