package org.icm.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the web client finds the platform. {@code gateway}: the one door to the services (back channel).
 * {@code issuer}: the token issuer as the browser reaches it (authorization endpoint base) and as tokens name it
 * ({@code iss}). {@code tokenUri} / {@code jwkSetUri}: the issuer's back-channel endpoints. No discovery at start-up:
 * the services start in parallel with the web client.
 */
@ConfigurationProperties("icm.web")
public record WebProperties(URI gateway, String issuer, String tokenUri, String jwkSetUri, String clientId, String clientSecret,
                            String redirectUri, String scope) {

    public WebProperties {
        gateway = gateway == null ? URI.create("http://localhost:8080") : gateway;
        issuer = issuer == null ? "http://localhost:8081" : trimSlash(issuer);
        tokenUri = tokenUri == null ? "http://localhost:8081/oauth2/token" : tokenUri;
        jwkSetUri = jwkSetUri == null ? "http://localhost:8081/oauth2/jwks" : jwkSetUri;
        clientId = clientId == null ? "icm-web" : clientId;
        redirectUri = redirectUri == null || redirectUri.isBlank() ? "{baseUrl}/signed-in" : redirectUri;
        scope = scope == null ? "openid profile email icm" : scope;
    }

    private static String trimSlash(String value) {
        return value.replaceAll("/+$", "");
    }
}
