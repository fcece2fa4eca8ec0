package org.icm.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.icm.infrastructure.Ports;
import org.icm.launcher.Launcher;
import org.icm.launcher.LauncherSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once per test JVM from the packaged launcher jar with {@code --sample-content}
 * (what the README's start command runs), on free ports and a fresh data folder, and stopped with Ctrl-C
 * when the last test class is done. A test class gets it with {@code @ExtendWith(RunningPlatform.class)}
 * and a {@code RunningPlatform.Platform} parameter.
 */
public final class RunningPlatform implements BeforeAllCallback, ParameterResolver {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER_JAR = HOME.resolve("launcher/target/launcher-exec.jar");

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    private static Platform platform(ExtensionContext context) {
        // the root store lives as long as the test JVM's run: one start for every test class
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningPlatform.class))
                .computeIfAbsent(Platform.class, type -> Platform.start(), Platform.class);
    }

    /** The running platform: its ports, its URLs and what the launcher printed. */
    public static final class Platform implements AutoCloseable {

        private final Process process;
        private final Map<String, Integer> ports;
        private final Path data;
        private final List<String> output = new CopyOnWriteArrayList<>();

        private Platform(Process process, Map<String, Integer> ports, Path data) {
            this.process = process;
            this.ports = ports;
            this.data = data;
            if (process == null) {
                return;
            }
            Thread reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "platform-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Platform start() {
            String attach = System.getProperty("icm.endtoend.attach");
            if (attach != null && !attach.isBlank()) {
                return attach(attach);
            }
            try {
                Map<String, Integer> ports = freePorts();
                Path data = Files.createTempDirectory("icm-end-to-end");
                List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                        "-XX:+UseSerialGC", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow", "-jar", LAUNCHER_JAR.toString(),
                        "--home=" + HOME, "--data=" + data, "--sample-content"));
                ports.forEach((option, port) -> command.add("--" + option + "=" + port));
                Platform platform = new Platform(new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start(), ports, data);
                platform.awaitReady();
                return platform;
            } catch (IOException e) {
                throw new IllegalStateException("the platform did not start", e);
            }
        }

        /**
         * A platform already running (started by hand with the launcher), for iterating on a journey without a new start:
         * {@code -Dicm.endtoend.attach=gateway-port=18080,membership-port=18081,...}; it is left running afterwards.
         */
        private static Platform attach(String ports) {
            Map<String, Integer> given = new LinkedHashMap<>();
            for (String option : ports.split(",")) {
                String[] nameAndPort = option.strip().split("=");
                given.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
            }
            return new Platform(null, given, null);
        }

        /** The gateway, the one front door: {@code http://localhost:<port>}. */
        public URI gateway() {
            return URI.create("http://localhost:" + port("gateway"));
        }

        /** {@code gateway().resolve(path)}. */
        public URI url(String path) {
            return gateway().resolve(path);
        }

        /** A port by launcher option name without {@code -port}: {@code gateway}, {@code policy}, {@code imap}, ... */
        public int port(String name) {
            return ports.get(name + "-port");
        }

        public String focalPointEmail() {
            return Launcher.DEVELOPMENT_FOCAL_POINT_EMAIL;
        }

        public String focalPointPassword() {
            return Launcher.DEVELOPMENT_FOCAL_POINT_PASSWORD;
        }

        /** The data folder; each service's log is in {@code logs/<service>.log}. */
        public Path data() {
            return data;
        }

        public List<String> output() {
            return output;
        }

        private void awaitReady() {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    if (output.stream().anyMatch(line -> line.startsWith(Launcher.READY))) {
                        return;
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the platform stopped before it was ready: " + output);
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
            throw new IllegalStateException("the platform was not ready within 5 minutes: " + output);
        }

        /** Ctrl-C, as a person stops it; then waits for the launcher to stop every service. */
        @Override
        public void close() {
            if (process == null) {
                return; // attached to a platform someone else runs
            }
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private static Map<String, Integer> freePorts() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String option : LauncherSettings.DEFAULT_PORTS.keySet()) {
                int port;
                do {
                    port = Ports.free();
                } while (ports.containsValue(port) || ports.containsValue(port - 1) || Ports.isTaken(port + 1));
                ports.put(option, port);
            }
            return ports;
        }
    }
}
