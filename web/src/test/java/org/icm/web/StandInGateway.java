package org.icm.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for the platform's gateway in the web client's tests: each test class says what it
 * answers (its handler), this class does the rest (a free loopback port, the web client pointed at it, answering JSON).
 */
public final class StandInGateway {

    private final HttpServer server;

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
            server.createContext(context, answers);
            server.start();
            return new StandInGateway(server);
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
