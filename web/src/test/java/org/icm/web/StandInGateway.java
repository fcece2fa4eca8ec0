package org.icm.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for the platform's gateway in the web client's tests: each test class says what it
 * answers (its handler), this class does the rest (a free loopback port, the web client pointed at it, answering JSON,
 * and a line for each request it received, for the test to read what the web client sent).
 */
public final class StandInGateway {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private StandInGateway(HttpServer server) {
        this.server = server;
    }

    /** Answers every path with the handler. */
    public static StandInGateway start(HttpHandler answers) {
        return start("/", answers);
    }

    /** Answers the paths under {@code context} only (a request elsewhere gets 404). */
    public static StandInGateway start(String context, HttpHandler answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInGateway gateway = new StandInGateway(server);
            server.createContext(context, exchange -> {
                gateway.record(exchange);
                answers.handle(exchange);
            });
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The web client's settings for this gateway (and a stand-in issuer it never has to reach for these pages). */
    public void isThePlatformFor(DynamicPropertyRegistry registry) {
        registry.add("icm.web.gateway", () -> "http://localhost:" + server.getAddress().getPort());
        registry.add("icm.web.issuer", () -> "http://issuer.example");
        registry.add("icm.web.client-secret", () -> "test-secret");
    }

    public void stop() {
        server.stop(0);
    }

    /**
     * The requests received so far (a test clears it to start afresh), one line each: method, path and query,
     * {@code If-Match}, {@code Authorization} and body, e.g. {@code PUT /api/policy/dossiers/d1 If-Match="7" Authorization=Bearer
     * member-token {"title":...}} (a header not sent reads {@code null}).
     */
    public List<String> received() {
        return received;
    }

    /** Notes the request; its body is read here and given to the handler again, to read as if it came first. */
    private void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.setStreams(new ByteArrayInputStream(body), null);
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " If-Match=" + exchange.getRequestHeaders().getFirst("If-Match")
                + " Authorization=" + exchange.getRequestHeaders().getFirst("Authorization") + " " + new String(body, StandardCharsets.UTF_8));
    }

    /** JSON, or problem+json for an error status. */
    public static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, status >= 400 ? "application/problem+json" : "application/json", json);
    }

    public static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
