package org.icm.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.icm.infrastructure.Ports;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;

/**
 * What the gateway costs: a small GET sent directly to a service and through the gateway, in the same run, from the
 * same clients.
 *
 * <p>Two services to compare against ({@code --service=}):
 * <ul>
 * <li>{@code stand-in} (default): a minimal HTTP server in this JVM (the JDK's, one virtual thread per request) that
 * answers a 60-byte JSON at once, so the comparison shows the gateway's own cost, as published gateway comparisons do;</li>
 * <li>{@code policy}: the real policy-service (in this JVM, on the embedded infrastructure), reading one published
 * dossier: what a caller of the platform sees, the service's own work on both sides.</li>
 * </ul>
 * The gateway runs as its own process from its runnable jar, as the platform runs it, its routes pointing at that
 * service, tokens checked against a real JWKS endpoint (the test issuer), rate limits set out of reach.
 *
 * <p>Phases, after a warm-up of each path: direct without and with a token (the same request a caller would send);
 * through the gateway on a public path without a token (no JWT validation); through the gateway with a token
 * (validated, then relayed, so policy-service checks it again as it does directly): closed loop, N clients, one
 * request at a time each.
 * Then at half load: requests paced at half the gateway's measured rate (with a token), directly and through the
 * gateway, to compare p50 when neither side is saturated. Prints rates, p50/p99 and the ratios against the goal
 * (gateway at least 0.5 of direct throughput, at most 2 ms added at p50 at half load). Exit 0 whether the goal is met
 * or not; 1 when requests failed; 2 for a wrong option.
 */
public final class GatewayOverheadBenchmark {

    private static final byte[] ANSWER = "{\"id\":\"d1\",\"title\":\"A small published dossier\",\"v\":1}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("options: --clients=8 --requests=20000 --warmup=10000 --half-load-seconds=10 --rounds=3 --gateway-jar=gateway/target/gateway-exec.jar"
                        + " --service=stand-in|policy --<spring.property>=<value> (to the gateway)");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10000"));
        int halfLoadSeconds = Integer.parseInt(options.getOrDefault("half-load-seconds", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Path jar = Path.of(options.getOrDefault("gateway-jar", "gateway/target/gateway-exec.jar"));
        String serviceKind = options.getOrDefault("service", "stand-in");
        if (!List.of("stand-in", "policy").contains(serviceKind)) {
            System.err.println("--service is stand-in or policy, not " + serviceKind);
            System.exit(2);
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("the gateway's runnable jar is missing at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -q -pl gateway -am -DskipTests package");
            System.exit(2);
        }
        // an option whose name has a dot goes to the gateway as a Spring property, to try a setting
        Map<String, String> gatewayProperties = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (name.contains(".")) {
                gatewayProperties.put(name, value);
            }
        });
        int code;
        try {
            code = new GatewayOverheadBenchmark().run(serviceKind, clients, requests, warmup, halfLoadSeconds, rounds, jar, gatewayProperties);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run(String serviceKind, int clients, int requests, int warmup, int halfLoadSeconds, int roundCount, Path jar,
                    Map<String, String> gatewayProperties) throws Exception {
        say("gateway overhead benchmark against the %s service: %d clients, %d rounds of %d measured requests per phase after %d warm-up,"
                + " %d s at half load per round", serviceKind, clients, roundCount, requests, warmup, halfLoadSeconds);
        TestTokens tokens = TestTokens.get();
        String token = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        Service service = serviceKind.equals("policy") ? Service.policy(tokens) : Service.standIn();
        int gatewayPort = Ports.free();
        Path log = Files.createTempFile("icm-gateway-benchmark-", ".log");
        Process gateway = startGateway(jar, gatewayPort, service.base(), tokens, log, gatewayProperties);
        if (!gatewayProperties.isEmpty()) {
            say("gateway settings tried: %s", gatewayProperties);
        }
        try {
            String gatewayBase = "http://127.0.0.1:" + gatewayPort;
            awaitLive(gatewayBase, Duration.ofSeconds(120), gateway, log);
            URI direct = URI.create(service.base() + service.path());
            URI through = URI.create(gatewayBase + "/api/policy" + service.path());
            say("service at %s (in this JVM), gateway at %s (pid %d, log %s); load average %s", direct, gatewayBase, gateway.pid(), log, loadAverage());

            // every path warmed up before any is measured: the gateway's JIT work is done for both of its phases
            for (String phase : List.of("direct", "direct-jwt", "gateway-no-jwt", "gateway-jwt")) {
                URI uri = phase.startsWith("direct") ? direct : through;
                ConcurrentLoad.run(phase + "-warmup", clients, warmup, thread -> worker(uri, phase.endsWith("-jwt") ? token : null));
            }
            // rounds of the four phases in turn, each round's ratios from its own phases: on a shared machine the load
            // changes within a run, so a ratio of phases minutes apart would measure the load, not the gateway
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= roundCount; r++) {
                ConcurrentLoad.Result directRun = ConcurrentLoad.run("direct", clients, requests, thread -> worker(direct, null));
                ConcurrentLoad.Result directJwtRun = ConcurrentLoad.run("direct-jwt", clients, requests, thread -> worker(direct, token));
                GatewayPhase publicRun = onGateway(gateway, () -> ConcurrentLoad.run("gateway-no-jwt", clients, requests, thread -> worker(through, null)));
                GatewayPhase jwtRun = onGateway(gateway, () -> ConcurrentLoad.run("gateway-jwt", clients, requests, thread -> worker(through, token)));
                double halfRate = jwtRun.result().perSecond() / 2;
                Histogram directHalf = paced(direct, token, halfRate, halfLoadSeconds, clients);
                Histogram gatewayHalf = paced(through, token, halfRate, halfLoadSeconds, clients);
                rounds.add(new Round(directRun, directJwtRun, publicRun, jwtRun, halfRate,
                        (gatewayHalf.getValueAtPercentile(50) - directHalf.getValueAtPercentile(50)) / 1000.0));
            }

            say("");
            say("%-7s %-24s %8s %8s %8s %9s %12s", "round", "phase (closed loop)", "req/s", "p50 ms", "p99 ms", "failures", "gateway CPU");
            for (int r = 0; r < rounds.size(); r++) {
                Round round = rounds.get(r);
                printPhase(r + 1, "direct", round.direct(), null);
                printPhase(r + 1, "direct, with the token", round.directJwt(), null);
                printPhase(r + 1, "gateway, no JWT", round.gatewayPublic().result(), round.gatewayPublic().cpuMillisPerRequest());
                printPhase(r + 1, "gateway, JWT validated", round.gatewayJwt().result(), round.gatewayJwt().cpuMillisPerRequest());
            }
            say("");
            say("%-7s %14s %14s %14s %16s %14s", "round", "no JWT/direct", "JWT/direct+t", "JWT/no JWT", "half load req/s", "added p50 ms");
            for (int r = 0; r < rounds.size(); r++) {
                Round round = rounds.get(r);
                say("%-7d %14.2f %14.2f %14.2f %16.0f %14.2f", r + 1, round.publicRatio(), round.jwtRatio(), round.jwtCostRatio(),
                        round.halfRate(), round.addedAtHalfLoadMillis());
            }
            double jwtRatio = median(rounds.stream().mapToDouble(Round::jwtRatio).toArray());
            double added = median(rounds.stream().mapToDouble(Round::addedAtHalfLoadMillis).toArray());
            say("");
            say("median of %d rounds: throughput ratio, gateway without JWT validation / direct: %.2f", rounds.size(),
                    median(rounds.stream().mapToDouble(Round::publicRatio).toArray()));
            say("median of %d rounds: throughput ratio, gateway with JWT validation / direct with the token: %.2f (goal >= 0.5: %s)",
                    rounds.size(), jwtRatio, jwtRatio >= 0.5 ? "met" : "NOT met");
            say("median of %d rounds: gateway process CPU per request, no JWT %.3f ms, JWT validated %.3f ms", rounds.size(),
                    median(rounds.stream().mapToDouble(round -> round.gatewayPublic().cpuMillisPerRequest()).toArray()),
                    median(rounds.stream().mapToDouble(round -> round.gatewayJwt().cpuMillisPerRequest()).toArray()));
            say("median of %d rounds: added at p50 at half load: %.2f ms (goal <= 2 ms: %s)", rounds.size(), added, added <= 2.0 ? "met" : "NOT met");
            say("load average after: %s", loadAverage());
            List<ConcurrentLoad.Result> results = rounds.stream().flatMap(Round::results).toList();
            int failures = results.stream().mapToInt(ConcurrentLoad.Result::failures).sum();
            if (failures > 0) {
                say("FAILED requests: %d; first: %s", failures, results.stream()
                        .map(ConcurrentLoad.Result::firstFailure).filter(f -> f != null).findFirst().orElse("?"));
                return 1;
            }
            return 0;
        } finally {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
            service.close();
        }
    }

    /** A closed-loop phase through the gateway, with the CPU time the gateway's process spent on it. */
    private record GatewayPhase(ConcurrentLoad.Result result, double cpuMillisPerRequest) {
    }

    /** One round: the four closed-loop phases in turn, then the two paced ones at half the gateway's rate. */
    private record Round(ConcurrentLoad.Result direct, ConcurrentLoad.Result directJwt, GatewayPhase gatewayPublic,
                         GatewayPhase gatewayJwt, double halfRate, double addedAtHalfLoadMillis) {

        double publicRatio() {
            return gatewayPublic.result().perSecond() / direct.perSecond();
        }

        double jwtRatio() {
            return gatewayJwt.result().perSecond() / directJwt.perSecond();
        }

        double jwtCostRatio() {
            return gatewayJwt.result().perSecond() / gatewayPublic.result().perSecond();
        }

        Stream<ConcurrentLoad.Result> results() {
            return Stream.of(direct, directJwt, gatewayPublic.result(), gatewayJwt.result());
        }
    }

    private interface Phase {
        ConcurrentLoad.Result run() throws Exception;
    }

    /** Runs a phase through the gateway and reads the CPU time its process spent meanwhile (user and system). */
    private static GatewayPhase onGateway(Process gateway, Phase phase) throws Exception {
        long before = cpuNanos(gateway);
        ConcurrentLoad.Result result = phase.run();
        long spent = cpuNanos(gateway) - before;
        return new GatewayPhase(result, spent / 1e6 / result.operations());
    }

    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("the gateway's CPU time cannot be read here")).toNanos();
    }

    private static void printPhase(int round, String name, ConcurrentLoad.Result result, Double gatewayCpuMillis) {
        say("%-7d %-24s %8.0f %8.2f %8.2f %9d %12s", round, name, result.perSecond(), result.percentileMillis(50),
                result.percentileMillis(99), result.failures(), gatewayCpuMillis == null ? "" : String.format("%.3f ms/req", gatewayCpuMillis));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The service measured: where it answers, the small GET's path, and how it stops. */
    private record Service(String base, String path, AutoCloseable stop) implements AutoCloseable {

        static Service standIn() throws IOException {
            HttpServer server = startStandIn();
            return new Service("http://127.0.0.1:" + server.getAddress().getPort(), "/dossiers/d1", () -> server.stop(0));
        }

        /** policy-service on the embedded infrastructure, with one published dossier (opened and published by a focal point). */
        static Service policy(TestTokens tokens) throws Exception {
            PolicyServiceRun run = PolicyServiceRun.start(Map.of());
            String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
            try (PolicyApiClient client = new PolicyApiClient(run.baseUrl(), focalPoint)) {
                String dossierId = client.openDossierWithMeasure(1).dossierId();
                client.publish(dossierId);
                String path = "/dossiers/" + dossierId;
                // the read model answers it once the projection has the published dossier
                HttpClient http = HttpClient.newHttpClient();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (http.send(HttpRequest.newBuilder(URI.create(run.baseUrl() + path)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the published dossier is not readable after 30 s");
                    }
                    Thread.sleep(100);
                }
                int size = http.send(HttpRequest.newBuilder(URI.create(run.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
                say("policy-service at %s, one published dossier: GET %s answers %d bytes", run.baseUrl(), path, size);
                return new Service(run.baseUrl(), path, run);
            }
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static ConcurrentLoad.Worker worker(URI uri, String token) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        return ConcurrentLoad.Worker.of(http, k -> {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * Requests at a fixed rate, spread over the clients; latency counted from when each request was due (so a slow
     * answer that delays the next one is not hidden).
     */
    private static Histogram paced(URI uri, String token, double rate, int seconds, int clients) throws Exception {
        Histogram histogram = new Histogram(3);
        long intervalNanos = (long) (1e9 * clients / rate);
        long start = System.nanoTime() + 100_000_000L;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = intervalNanos * c / clients;
            threads.add(Thread.ofPlatform().start(() -> {
                try (ConcurrentLoad.Worker worker = worker(uri, token)) {
                    for (long due = start + offset; due < end; due += intervalNanos) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        worker.perform(0);
                        synchronized (histogram) {
                            histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return histogram;
    }

    private static HttpServer startStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        return server;
    }

    private static Process startGateway(Path jar, int port, String service, TestTokens tokens, Path log, Map<String, String> tried)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("server.address", "127.0.0.1");
        for (String name : List.of("membership", "policy", "events", "notifications")) {
            properties.put("icm.services." + name, service);
        }
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", tokens.jwkSetUri());
        // the limits are not what is measured
        for (String bucket : List.of("account", "anonymous")) {
            properties.put("icm.gateway.rate-limit." + bucket + ".capacity", "1000000000");
            properties.put("icm.gateway.rate-limit." + bucket + ".refill", "1000000000");
        }
        properties.put("logging.level.root", "WARN");
        properties.putAll(tried);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLive(String base, Duration limit, Process gateway, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway did not start within " + limit + "; see " + log);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void say(String format, Object... values) {
        System.out.println(values.length == 0 ? format : String.format(format, values));
    }
}
