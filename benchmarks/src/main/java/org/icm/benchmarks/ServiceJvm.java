package org.icm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.icm.infrastructure.Infrastructure;
import org.icm.testing.TestTokens;

/**
 * A Spring Boot application of the platform run by a benchmark as its own JVM (a child process, same {@code java} as the
 * benchmark), on a loopback port, its output in a log file; pointed at the infrastructure and the test token issuer that
 * the benchmark runs in its own process. Closing it asks it to stop (SIGTERM: Spring shuts down gracefully) and kills it
 * after 30 s.
 */
final class ServiceJvm implements AutoCloseable {

    /** The JVM flags a service runs with, as the platform deploys it. */
    enum Flags {
        /** The Docker image's {@code JAVA_OPTS} (Dockerfile): heap from the memory the JVM sees, the JVM's own GC and JIT choice. */
        IMAGE("the Docker image's (Dockerfile JAVA_OPTS)", List.of("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError")),
        /** The local platform's (launcher's {@code ServiceProcess.JVM_OPTIONS}): small JVMs, serial GC, C1 only. */
        LAUNCHER("the local platform's (launcher ServiceProcess)", List.of(
                "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));

        private final String source;
        private final List<String> options;

        Flags(String source, List<String> options) {
            this.source = source;
            this.options = options;
        }

        List<String> options() {
            return options;
        }

        String source() {
            return source;
        }
    }

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Process process;

    private ServiceJvm(String name, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = List.copyOf(command);
        this.process = process;
    }

    /**
     * Starts a runnable jar: {@code java <jvmOptions> -jar <jar> --<property>=<value> ...}. The properties must name the
     * port ({@code server.port}), see {@link #platformProperties}.
     */
    static ServiceJvm startJar(String name, Path jar, List<String> jvmOptions, Map<String, String> properties, Path log) throws IOException {
        return start(name, jvmOptions, List.of("-jar", jar.toString()), properties, log);
    }

    /**
     * Starts a main class of the class path this benchmark runs from: through the Spring Boot loader when that is the
     * benchmarks' runnable jar ({@code -Dloader.main}), else directly.
     */
    static ServiceJvm startMainClass(String name, Class<?> mainClass, List<String> jvmOptions, Map<String, String> properties, Path log)
            throws IOException {
        String classPath = System.getProperty("java.class.path");
        List<String> program = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                ? List.of("-Dloader.main=" + mainClass.getName(), "-cp", classPath, "org.springframework.boot.loader.launch.PropertiesLauncher")
                : List.of("-cp", classPath, mainClass.getName());
        return start(name, jvmOptions, program, properties, log);
    }

    private static ServiceJvm start(String name, List<String> jvmOptions, List<String> program, Map<String, String> properties, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(program);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceJvm(name, Integer.parseInt(properties.get("server.port")), log, command, process);
    }

    /**
     * What every service needs on the benchmark's infrastructure: its servers, a free loopback port, the test token issuer
     * (its JWKS endpoint, served by this JVM on loopback), WARN logs.
     */
    static Map<String, String> platformProperties(Infrastructure infrastructure, TestTokens tokens, int port) {
        Map<String, String> properties = new LinkedHashMap<>(infrastructure.springProperties());
        properties.put("server.port", Integer.toString(port));
        properties.put("server.address", "127.0.0.1");
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", tokens.jwkSetUri());
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once when the process ended, with the end of its log. */
    void awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + " while starting; its log ends:\n" + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + limit + "; its log ends:\n" + logTail());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    List<String> command() {
        return command;
    }

    /** The CPU time the process used so far, -1 where it cannot be read. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The last lines of the process's output (for a failure report). */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + log + " cannot be read: " + e + ")";
        }
    }

    /** Asks the JVM to stop and waits for it; kills it when it takes more than 30 s. Safe to call twice. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
