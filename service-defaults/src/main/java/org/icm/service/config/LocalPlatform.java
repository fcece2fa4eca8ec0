package org.icm.service.config;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Whether a service runs on a local platform (the launcher's, or a test's: the embedded infrastructure sets
 * {@value #PROPERTY}), or with profile {@code local} or {@code dev}. Only there may the development secrets that this
 * repository names in the clear (the first focal point's password, the web client's secret, the unsubscribe links'
 * key) open anything: elsewhere the service refuses to start with one of them, saying which setting to change.
 */
public final class LocalPlatform {

    public static final String PROPERTY = "icm.local-platform";

    private LocalPlatform() {
    }

    public static boolean is(Environment environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false)
                || Arrays.stream(environment.getActiveProfiles()).anyMatch(profile -> profile.equals("local") || profile.equals("dev"));
    }

    /** Refuses a development secret outside a local platform; {@code orAllowedBy} names an older switch that also allows it. */
    public static void refuseDevelopmentSecret(Environment environment, String property, String developmentValue, String orAllowedBy) {
        String value = environment.getProperty(property);
        boolean allowed = is(environment) || (orAllowedBy != null && environment.getProperty(orAllowedBy, Boolean.class, false));
        if (developmentValue.equals(value) && !allowed) {
            throw new IllegalStateException(property + " is the development default, which anyone can read in the source; it is only "
                    + "allowed on a local platform (" + PROPERTY + "=true, or profile local or dev): configure a secret of your own");
        }
    }
}
