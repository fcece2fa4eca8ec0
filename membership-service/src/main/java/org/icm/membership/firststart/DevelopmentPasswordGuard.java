package org.icm.membership.firststart;

import org.icm.service.config.LocalPlatform;
import org.springframework.core.env.Environment;

/**
 * The first focal-point account's password and the web client's secret come from configuration. The local launcher
 * passes development defaults, which it prints or names in the clear; anywhere else they must not open the platform, so
 * the service refuses to start with them unless it runs on a local platform ({@link LocalPlatform}; for the password also
 * {@code icm.bootstrap.allow-development-password=true}).
 */
final class DevelopmentPasswordGuard {

    /** The development defaults; the launcher names the same values. */
    static final String DEVELOPMENT_PASSWORD = "icm-local-development";
    static final String DEVELOPMENT_WEB_CLIENT_SECRET = "icm-local-development-web-client";

    private DevelopmentPasswordGuard() {
    }

    static void check(Environment environment) {
        LocalPlatform.refuseDevelopmentSecret(environment, "icm.bootstrap.focal-point.password", DEVELOPMENT_PASSWORD,
                "icm.bootstrap.allow-development-password");
        LocalPlatform.refuseDevelopmentSecret(environment, "icm.signin.web.client-secret", DEVELOPMENT_WEB_CLIENT_SECRET, null);
    }
}
