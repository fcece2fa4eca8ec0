package org.icm.membership.signin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sign-in's registered clients, token lifetimes and lockout, from configuration ({@code icm.signin.*}).
 */
@ConfigurationProperties("icm.signin")
public record SignInProperties(WebClient web, MachineClient machine, Lockout lockout, Duration accessTokenLifetime,
                               Duration refreshTokenLifetime) {

    public SignInProperties {
        web = web == null ? new WebClient(null, null, null) : web;
        machine = machine == null ? new MachineClient(null, null, null) : machine;
        lockout = lockout == null ? new Lockout(0, null, 0, 0, null) : lockout;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofHours(8) : refreshTokenLifetime;
    }

    /**
     * A confidential web client (a backend-for-frontend that keeps its tokens on the server): authorization code with
     * PKCE and rotated refresh tokens; no client is registered without a secret.
     */
    public record WebClient(String clientId, String clientSecret, List<String> redirectUris) {
        public WebClient {
            clientId = clientId == null ? "icm-web" : clientId;
            redirectUris = redirectUris == null ? List.of("http://localhost:8080/signed-in") : List.copyOf(redirectUris);
        }

        /** Where the web client comes back after signing out: its home page, with the notice, beside each redirect URI. */
        public List<String> postLogoutRedirectUris() {
            return redirectUris.stream().filter(uri -> uri.endsWith("/signed-in"))
                    .map(uri -> uri.substring(0, uri.length() - "/signed-in".length()) + "/?signed-out").toList();
        }
    }

    /** A confidential machine client: client credentials; no client is registered without a secret. */
    public record MachineClient(String clientId, String clientSecret, List<String> roles) {
        public MachineClient {
            clientId = clientId == null ? "icm-machine" : clientId;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Failed sign-ins are counted per e-mail address and per remote address over {@code window}: from
     * {@code slowAfter} failures on, each answer waits {@code delay} more (at most 5 s); from {@code lockAfter} failures
     * for an e-mail address, or {@code addressLockAfter} from one remote address, sign-in is locked until the failures
     * leave the window.
     */
    public record Lockout(int slowAfter, Duration delay, int lockAfter, int addressLockAfter, Duration window) {
        public Lockout {
            slowAfter = slowAfter <= 0 ? 3 : slowAfter;
            delay = delay == null ? Duration.ofMillis(500) : delay;
            lockAfter = lockAfter <= 0 ? 5 : lockAfter;
            addressLockAfter = addressLockAfter <= 0 ? 20 : addressLockAfter;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }
}
