package org.icm.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.icm.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058): the token names the account and carries an HMAC-SHA256 of it made with the
 * configured secret, so following the link needs no sign-in and nobody can forge one for another account.
 */
@Component
public class UnsubscribeLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The key the configuration falls back to: public, so allowed on a local platform only. */
    static final String DEVELOPMENT_SECRET = "local-development-unsubscribe-secret";

    private final NotificationProperties properties;
    private final SecretKeySpec key;

    public UnsubscribeLinks(NotificationProperties properties, org.springframework.core.env.Environment environment) {
        org.icm.service.config.LocalPlatform.refuseDevelopmentSecret(environment, "icm.notification.unsubscribe-secret", DEVELOPMENT_SECRET, null);
        this.properties = properties;
        this.key = new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(String accountId) {
        return accountId + "." + B64.encodeToString(sign(accountId));
    }

    public String url(String accountId) {
        return properties.unsubscribeBaseUrl() + "/unsubscribe?token=" + token(accountId);
    }

    /** The account a token was made for, when its signature is right. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String accountId = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // constant-time comparison: no timing hints towards a valid signature
        return MessageDigest.isEqual(given, sign(accountId)) ? Optional.of(accountId) : Optional.empty();
    }

    private byte[] sign(String accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("unsubscribe:" + accountId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
