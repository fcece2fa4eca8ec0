package org.icm.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers every path with a small JSON
 * document and records what reached it (path with query, Authorization, Host and forwarding headers, body size). {@code /slow}
 * answers after 5 seconds.
 */
final class StandInService {

    record Received(String method, String pathAndQuery, String authorization, String host, long bodyBytes, Forwarding forwarding,
                    String traceparent) {
    }

    /** What the gateway told the service about the caller's address: {@code X-Forwarded-*} and {@code Forwarded}. */
    record Forwarding(String host, String proto, String prefix, String forwarded) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    private StandInService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long bodyBytes;
            try (InputStream body = exchange.getRequestBody()) {
                bodyBytes = body.transferTo(OutputStream.nullOutputStream());
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Host"), bodyBytes,
                    new Forwarding(String.join(",", exchange.getRequestHeaders().getOrDefault("X-Forwarded-Host", List.of())),
                            String.join(",", exchange.getRequestHeaders().getOrDefault("X-Forwarded-Proto", List.of())),
                            String.join(",", exchange.getRequestHeaders().getOrDefault("X-Forwarded-Prefix", List.of())),
                            String.join(",", exchange.getRequestHeaders().getOrDefault("Forwarded", List.of()))),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = (path.equals("/actuator/health") ? "{\"status\":\"UP\"}" : "{\"path\":\"" + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    static StandInService start() {
        return new StandInService();
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The last request that reached the service at this path (without query). */
    Received last(String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            Received request = received.get(i);
            if (request.pathAndQuery().equals(path) || request.pathAndQuery().startsWith(path + "?")) {
                return request;
            }
        }
        return null;
    }

    void stop() {
        server.stop(0);
    }

    /** A local port where nothing listens: a stopped service. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
