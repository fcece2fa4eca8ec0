package org.icm.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.icm.infrastructure.EmbeddedInfrastructure;
import org.icm.infrastructure.Ports;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform on one machine: the embedded infrastructure in this JVM (PostgreSQL as its
 * own process), then every service, the web client and the gateway as separate JVMs, each with its own log file. It
 * prints the gateway's URL once the gateway reports every service healthy; Ctrl-C stops everything,
 * gateway first, infrastructure last. Data stays in the data folder between runs.
 */
public final class Launcher {

    public static final List<String> SERVICES = List.of("membership", "policy", "events", "notification");
    /** The first focal-point account of a new local platform; membership-service refuses this password outside one. */
    public static final String DEVELOPMENT_FOCAL_POINT_EMAIL = "focal-point@icm.local";
    public static final String DEVELOPMENT_FOCAL_POINT_PASSWORD = "icm-local-development";
    /** The web client's secret on a local platform (development default, local only; set your own elsewhere). */
    public static final String DEVELOPMENT_WEB_CLIENT_SECRET = "icm-local-development-web-client";
    public static final String READY = "ICM platform ready at ";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final int RESTART_LIMIT = 5;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final Duration MAX_RESTART_WAIT = Duration.ofSeconds(30);

    private final LauncherSettings settings;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedInfrastructure infrastructure;
    private volatile boolean stopping;

    /** A newcomer sees real content at once: the sample organisations and dossiers on the first start of an empty platform. */
    static Map<String, String> sampleContentProperties(LauncherSettings.SampleContent when) {
        return switch (when) {
            case ON_FIRST_START -> Map.of("icm.sample-content.load-on-first-start", "true");
            case ON_EVERY_START -> Map.of("icm.sample-content.load-on-start", "true");
            case NEVER -> Map.of();
        };
    }

    /**
     * A service's name at the gateway: its public path segment ({@code /api/<name>/**}) and its health component. The
     * notification service's API is {@code /api/notifications}.
     */
    public static String nameAtGateway(String service) {
        return service.equals("notification") ? "notifications" : service;
    }

    Launcher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Launcher launcher;
        try {
            LauncherSettings settings = LauncherSettings.parse(args);
            prepareDataFolder(settings);
            // the infrastructure's own logs (Kafka, PostgreSQL, ...) go to a file, not to the terminal
            System.setProperty("icm.logs", settings.logs().toString());
            launcher = new Launcher(settings);
        } catch (LaunchException e) {
            System.err.println("ICM launcher: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "icm-launcher-stop"));
        try {
            launcher.start();
        } catch (LaunchException e) {
            System.err.println("ICM launcher: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(Launcher.class).error("the platform did not start", e);
            System.err.println("ICM launcher: the platform did not start (" + e + "); the stack trace is in "
                    + launcher.settings.logs().resolve("infrastructure.log"));
            System.exit(1);
        }
        launcher.watch();
    }

    private static void prepareDataFolder(LauncherSettings settings) {
        try {
            Files.createDirectories(settings.logs());
            Path probe = Files.createTempFile(settings.data(), ".write-check", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new LaunchException("cannot write to the data folder " + settings.data() + " (" + e.getMessage()
                    + "); choose another with --data=<folder>");
        }
    }

    void start() {
        long begin = System.nanoTime();
        List<String> stoppedLeftovers = LeftBehind.stop(settings);
        if (!stoppedLeftovers.isEmpty()) {
            System.out.println("The previous run of this data folder ended without stopping the platform; stopped what it left running: "
                    + String.join(", ", stoppedLeftovers) + ".");
        }
        settings.listeners().forEach((port, what) -> {
            if (Ports.isTaken(port)) {
                throw new LaunchException("port " + port + " (" + what + ") is already in use: stop what uses it, or choose another with --"
                        + (what.startsWith("kafka controller") ? "kafka-port" : what + "-port") + "=<port>");
            }
        });
        System.out.println("Starting the ICM platform; data in " + settings.data() + ", logs in " + settings.logs());
        try {
            infrastructure = EmbeddedInfrastructure.start(settings.infrastructure());
        } catch (RuntimeException e) {
            throw new LaunchException("the infrastructure did not start: " + e.getMessage() + " (details in " + settings.logs().resolve("infrastructure.log") + ")");
        }
        // the platform's public issuer is the gateway (the one front door routes sign-in to membership-service);
        // keys are fetched from membership-service directly, so no service needs the gateway to check a token
        String issuer = "http://localhost:" + settings.port("gateway");
        String jwkSetUri = "http://localhost:" + settings.port("membership") + "/oauth2/jwks";
        for (String service : SERVICES) {
            Map<String, String> properties = new LinkedHashMap<>(infrastructure.springProperties());
            properties.put("server.port", Integer.toString(settings.port(service)));
            properties.put("icm.security.issuer", issuer);
            properties.put("icm.security.jwk-set-uri", jwkSetUri);
            if (service.equals("notification")) {
                // the links in mails (to what changed, the one-click unsubscribe) lead to this platform's front door
                properties.put("icm.notification.web-base-url", issuer);
                properties.put("icm.notification.unsubscribe-base-url", issuer + "/api/notifications");
            }
            if (service.equals("policy") || service.equals("membership")) {
                properties.putAll(sampleContentProperties(settings.sampleContent()));
            }
            if (service.equals("membership")) {
                // the web client's sign-in comes back to the gateway, which serves the web client
                properties.put("icm.signin.web.redirect-uris", "http://localhost:" + settings.port("gateway") + "/signed-in,http://127.0.0.1:"
                        + settings.port("gateway") + "/signed-in");
                properties.put("icm.bootstrap.focal-point.email", DEVELOPMENT_FOCAL_POINT_EMAIL);
                properties.put("icm.bootstrap.focal-point.password", DEVELOPMENT_FOCAL_POINT_PASSWORD);
                // the development password is refused outside a local platform; this is one
                properties.put("icm.bootstrap.allow-development-password", "true");
                // the confidential web client (icm-web) is registered only with a secret: a local one
                properties.put("icm.signin.web.client-secret", DEVELOPMENT_WEB_CLIENT_SECRET);
            }
            processes.add(ServiceProcess.start(service + "-service", jar(service + "-service"), settings.logs(), properties));
            LeftBehind.record(settings, processes);
        }
        processes.add(ServiceProcess.start("web", jar("web"), settings.logs(), webProperties(issuer)));
        LeftBehind.record(settings, processes);
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("server.port", Integer.toString(settings.port("gateway")));
        gateway.put("icm.security.issuer", issuer);
        gateway.put("icm.security.jwk-set-uri", jwkSetUri);
        SERVICES.forEach(service -> gateway.put("icm.services." + nameAtGateway(service), "http://localhost:" + settings.port(service)));
        gateway.put("icm.web-client.uri", "http://localhost:" + settings.port("web"));
        processes.addFirst(ServiceProcess.start("gateway", jar("gateway"), settings.logs(), gateway));
        LeftBehind.record(settings, processes);

        URI gatewayUrl = URI.create("http://localhost:" + settings.port("gateway"));
        awaitHealthy(gatewayUrl.resolve("/actuator/health"));
        System.out.printf("First focal-point account of a new platform (development default, local only): %s / %s%n",
                DEVELOPMENT_FOCAL_POINT_EMAIL, DEVELOPMENT_FOCAL_POINT_PASSWORD);
        System.out.printf("%s%s (started in %d s). Stop with Ctrl-C.%n", READY, gatewayUrl, (System.nanoTime() - begin) / 1_000_000_000);
    }

    /**
     * The web client: pages at the gateway's root, sign-in with the issuer the browser sees, tokens fetched and keys read
     * from membership-service directly (the back channel), every service call through the gateway.
     */
    private Map<String, String> webProperties(String issuer) {
        String membership = "http://localhost:" + settings.port("membership");
        String gateway = "http://localhost:" + settings.port("gateway");
        Map<String, String> web = new LinkedHashMap<>();
        web.put("server.port", Integer.toString(settings.port("web")));
        web.put("icm.web.gateway", gateway);
        web.put("icm.web.issuer", issuer);
        web.put("icm.web.token-uri", membership + "/oauth2/token");
        web.put("icm.web.jwk-set-uri", membership + "/oauth2/jwks");
        web.put("icm.web.client-secret", DEVELOPMENT_WEB_CLIENT_SECRET);
        web.put("icm.web.redirect-uri", "{baseUrl}/signed-in");
        return web;
    }

    private Path jar(String module) {
        return settings.home().resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    /** Waits until the gateway answers UP, which it does only when every service is UP. */
    private void awaitHealthy(URI health) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceProcess process : processes) {
                if (!process.isAlive()) {
                    throw new LaunchException(process.name() + " stopped while starting; see " + process.log());
                }
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while starting");
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new LaunchException("the platform did not become healthy within " + START_TIMEOUT.toMinutes() + " minutes; see the logs in " + settings.logs());
    }

    /**
     * Runs until stopped, supervising: a service that ends on its own is started again after a wait that doubles each
     * time (1 s, 2 s, 4 s, ... at most 30 s), and said so on the terminal and in the launcher's log; after
     * {@value #RESTART_LIMIT} restarts within {@link #RESTART_WINDOW} it is left stopped, with the log to read. What it
     * was doing is not lost: Kafka keeps its consumers' offsets and each event store its processors' tokens.
     */
    private void watch() {
        Map<ServiceProcess, Deque<Instant>> restarts = new HashMap<>();
        Map<ServiceProcess, Instant> restartDue = new HashMap<>();
        Set<ServiceProcess> leftStopped = new HashSet<>();
        while (stopped.getCount() > 0) {
            Instant now = Instant.now();
            for (ServiceProcess process : processes) {
                if (stopping || process.isAlive() || leftStopped.contains(process)) {
                    continue;
                }
                Deque<Instant> recent = restarts.computeIfAbsent(process, p -> new ArrayDeque<>());
                Instant due = restartDue.get(process);
                if (due == null) {
                    recent.removeIf(restart -> restart.isBefore(now.minus(RESTART_WINDOW)));
                    if (recent.size() >= RESTART_LIMIT) {
                        leftStopped.add(process);
                        say(process.name() + " keeps stopping (" + RESTART_LIMIT + " restarts within " + RESTART_WINDOW.toMinutes()
                                + " minutes); it is left stopped: see " + process.log());
                        continue;
                    }
                    Duration wait = Duration.ofSeconds(Math.min(MAX_RESTART_WAIT.toSeconds(), 1L << recent.size()));
                    restartDue.put(process, now.plus(wait));
                    say(process.name() + " stopped unexpectedly (exit status " + process.exitValue() + "); starting it again in "
                            + wait.toSeconds() + " s (restart " + (recent.size() + 1) + " of at most " + RESTART_LIMIT + "); see " + process.log());
                } else if (!now.isBefore(due)) {
                    restartDue.remove(process);
                    recent.add(now);
                    if (restart(process)) {
                        say(process.name() + " started again");
                    }
                }
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Starts a service again unless the platform is stopping; keeps the record of what runs up to date. */
    private synchronized boolean restart(ServiceProcess process) {
        if (stopping) {
            return false;
        }
        process.startAgain();
        LeftBehind.record(settings, processes);
        return true;
    }

    /** A line for the person at the terminal, and the same in the launcher's log. */
    private static void say(String line) {
        System.err.println("ICM launcher: " + line);
        LoggerFactory.getLogger(Launcher.class).warn(line);
    }

    /** Gateway first, then the services, then the infrastructure they write to. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (infrastructure == null && processes.isEmpty()) {
            stopped.countDown();
            return;
        }
        System.out.println("Stopping the ICM platform ...");
        if (!processes.isEmpty()) {
            ServiceProcess gateway = processes.getFirst();
            gateway.requestStop();
            gateway.awaitStop(STOP_GRACE);
        }
        processes.forEach(ServiceProcess::requestStop);
        processes.forEach(process -> process.awaitStop(STOP_GRACE));
        if (infrastructure != null) {
            infrastructure.close();
        }
        LeftBehind.forget(settings);
        System.out.println("ICM platform stopped.");
        stopped.countDown();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
