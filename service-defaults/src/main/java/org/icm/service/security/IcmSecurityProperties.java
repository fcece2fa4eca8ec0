package org.icm.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicReads  path patterns readable with GET without a token (published content)
 * @param publicWrites path patterns open to POST without a token, for links that prove themselves by a signature
 *                     they carry (e.g. a one-click unsubscribe link, RFC 8058)
 */
@ConfigurationProperties("icm.security")
public record IcmSecurityProperties(List<String> publicReads, List<String> publicWrites) {

    public IcmSecurityProperties {
        publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
        publicWrites = publicWrites == null ? List.of() : List.copyOf(publicWrites);
    }
}
