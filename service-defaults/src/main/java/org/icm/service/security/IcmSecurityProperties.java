package org.icm.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicReads path patterns readable with GET without a token (published content)
 */
@ConfigurationProperties("icm.security")
public record IcmSecurityProperties(List<String> publicReads) {

    public IcmSecurityProperties {
        publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
    }
}
