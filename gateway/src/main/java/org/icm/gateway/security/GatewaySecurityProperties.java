package org.icm.gateway.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway lets through without a token, by service name (the path segment after {@code /api/}).
 * The lists mirror each service's own {@code icm.security.public-reads} / {@code public-writes}: the services check
 * again, the gateway only turns anonymous callers away earlier.
 *
 * @param publicReads   per service, path patterns (as the service sees them) readable with GET without a token
 * @param publicWrites  per service, path patterns open to POST without a token (applying, accepting an invitation,
 *                      one-click unsubscribe)
 * @param contentSecurityPolicy the Content-Security-Policy added to every answer that has none of its own
 */
@ConfigurationProperties("icm.gateway")
public record GatewaySecurityProperties(Map<String, List<String>> publicReads, Map<String, List<String>> publicWrites,
                                        String contentSecurityPolicy) {

    public GatewaySecurityProperties {
        publicReads = publicReads == null ? Map.of() : Map.copyOf(publicReads);
        publicWrites = publicWrites == null ? Map.of() : Map.copyOf(publicWrites);
        if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()) {
            contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'";
        }
    }

    /** The public patterns of every service, as the gateway sees them: {@code /api/<service><pattern>}. */
    static String[] atGateway(Map<String, List<String>> byService) {
        return byService.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(pattern -> "/api/" + entry.getKey() + pattern))
                .toArray(String[]::new);
    }
}
