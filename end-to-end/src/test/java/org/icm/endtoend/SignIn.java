package org.icm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.launcher.Launcher;

/**
 * Signs a person in as the web client does, through the gateway only: authorization code with PKCE (RFC 7636),
 * driven by an HTTP client with a cookie jar that follows each redirect itself: {@code /oauth2/authorize} sends the
 * browser to {@code /login}; the form is posted with its CSRF token; the authorization server sends the browser back
 * to the web client's redirect URI with a code (that URI is not followed: the code is read from it, as the web client
 * would); the code is exchanged at {@code /oauth2/token} with the web client's secret and the PKCE verifier.
 */
public final class SignIn {

    static final String CLIENT_ID = "icm-web";
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignIn() {
    }

    /** The access token of a person who signs in with this e-mail address and password. */
    public static String accessToken(Platform platform, String email, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        // the web client's redirect URI, which the launcher registers for the gateway's port
        String redirectUri = platform.url("/signed-in").toString();
        String verifier = random();
        String state = random();
        URI authorize = platform.url("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT_ID, "scope", "icm",
                "redirect_uri", redirectUri, "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(authorize).header("Accept", "text/html").build());
        assertThat(toLogin.statusCode()).as("authorize without a session: %s", toLogin.body()).isEqualTo(302);
        URI loginPage = URI.create(location(toLogin));
        // the issuer's pages are the gateway's: every redirect stays on the front door
        assertThat(loginPage).isEqualTo(platform.url("/login"));

        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(loginPage).header("Accept", "text/html").build());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = HIDDEN_INPUT.matcher(page.body());
        assertThat(csrf.find()).as("the login form has a CSRF token: %s", page.body()).isTrue();

        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(loginPage)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password, csrf.group(1), csrf.group(2)))))
                .build());
        assertThat(signedIn.statusCode()).as("sign-in form").isEqualTo(302);
        URI backToAuthorize = platform.gateway().resolve(location(signedIn));
        assertThat(backToAuthorize.getPath()).as("after sign-in, back to the authorization request").isEqualTo("/oauth2/authorize");
        assertThat(backToAuthorize.getPort()).isEqualTo(platform.port("gateway"));

        HttpResponse<String> withCode = send(browser, HttpRequest.newBuilder(backToAuthorize).header("Accept", "text/html").build());
        assertThat(withCode.statusCode()).isEqualTo(302);
        URI redirect = URI.create(location(withCode));
        assertThat(redirect.toString()).startsWith(redirectUri + "?");
        Map<String, String> answer = query(redirect);
        assertThat(answer.get("state")).isEqualTo(state);

        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + Launcher.DEVELOPMENT_WEB_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(browser, HttpRequest.newBuilder(platform.url("/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", redirectUri, "code_verifier", verifier))))
                .build());
        assertThat(token.statusCode()).as("token exchange: %s", token.body()).isEqualTo(200);
        return JsonPath.read(token.body(), "$.access_token");
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + response));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return values;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
