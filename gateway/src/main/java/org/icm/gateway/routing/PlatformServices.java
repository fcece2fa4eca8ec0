package org.icm.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway, by name: {@code icm.services.policy=http://localhost:8082}. The name is
 * the public path segment ({@code /api/policy/**}) and the health component; the URI may be {@code lb://...}
 * once a discovery client is on the class path.
 */
@ConfigurationProperties("icm")
public record PlatformServices(Map<String, URI> services) {

    /** The issuer's endpoints and the login page's assets, as membership-service serves them (the gateway routes them unchanged). */
    public static final String[] SIGN_IN_PATHS = {"/oauth2/**", "/.well-known/**", "/login", "/login.css", "/userinfo", "/connect/**"};

    public PlatformServices {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }
}
