package org.icm.membership.firststart;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * The first focal-point account's password comes from configuration. The local launcher passes a development default,
 * which it prints at start-up; anywhere else that default must not open the platform, so the service refuses to start
 * with it unless it runs locally ({@code icm.bootstrap.allow-development-password=true}, or profile {@code local} or
 * {@code dev}).
 */
final class DevelopmentPasswordGuard {

    /** The development default; the launcher names the same value. */
    static final String DEVELOPMENT_PASSWORD = "icm-local-development";

    private DevelopmentPasswordGuard() {
    }

    static void check(Environment environment) {
        String password = environment.getProperty("icm.bootstrap.focal-point.password");
        boolean local = environment.getProperty("icm.bootstrap.allow-development-password", Boolean.class, false)
                || Arrays.stream(environment.getActiveProfiles()).anyMatch(profile -> profile.equals("local") || profile.equals("dev"));
        if (DEVELOPMENT_PASSWORD.equals(password) && !local) {
            throw new IllegalStateException("icm.bootstrap.focal-point.password is the development default '" + DEVELOPMENT_PASSWORD
                    + "', which is only allowed locally (profile local or dev, or icm.bootstrap.allow-development-password=true): "
                    + "configure a password of your own");
        }
    }
}
