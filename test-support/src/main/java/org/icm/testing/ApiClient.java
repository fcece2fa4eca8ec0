package org.icm.testing;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A small HTTP client for a service's API, as a web client would use it: JSON over HTTP with a bearer token
 * (none when the token is null). Services' tests use it as it is or through a thin subclass.
 */
public class ApiClient {

    /** No answer in this time is a failure of the test, never a build that hangs. */
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(2);

    // HTTP/1.1 as the services speak it: no h2c upgrade attempt on the first request of a connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Duration awaitAtMost;

    /** A client of the service on this local port; {@link #awaitGet} waits up to 20 seconds. */
    public ApiClient(int port) {
        this(port, Duration.ofSeconds(20));
    }

    /** A client of the service on this local port; {@link #awaitGet} waits up to {@code awaitAtMost}. */
    public ApiClient(int port, Duration awaitAtMost) {
        this.base = "http://localhost:" + port;
        this.awaitAtMost = awaitAtMost;
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return send("POST", path, token, json, Map.of());
    }

    public HttpResponse<String> put(String path, String token, String json) {
        return send("PUT", path, token, json, Map.of());
    }

    public HttpResponse<String> delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /** Any request: a JSON body when {@code json} is not null, a bearer token when {@code token} is not, and these headers. */
    public HttpResponse<String> send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .timeout(ANSWER_WITHIN);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads until the read model shows what the test waits for (it follows the event store within moments). */
    public HttpResponse<String> awaitGet(String path, String token, Predicate<HttpResponse<String>> condition) {
        return Awaitility.await().atMost(awaitAtMost).pollInterval(Duration.ofMillis(50))
                .until(() -> get(path, token), condition::test);
    }

    public static <T> T read(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    public static List<String> strings(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    public static Predicate<HttpResponse<String>> atVersion(long version) {
        return response -> response.statusCode() == 200 && response.headers().firstValue("ETag").orElse("").equals("\"" + version + "\"");
    }

    public static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
