package org.icm.endtoend;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.launcher.Launcher;
import org.icm.launcher.RunningLauncher;
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

        private final RunningLauncher launcher;
        private final Map<String, Integer> ports;
        private final Path data;

        private Platform(RunningLauncher launcher, Map<String, Integer> ports, Path data) {
            this.launcher = launcher;
            this.ports = ports;
            this.data = data;
        }

        static Platform start() {
            String attach = System.getProperty("icm.endtoend.attach");
            if (attach != null && !attach.isBlank()) {
                return attach(attach);
            }
            Map<String, Integer> ports = RunningLauncher.freePorts();
            RunningLauncher launcher = null;
            try {
                Path data = Files.createTempDirectory("icm-end-to-end");
                List<String> args = new ArrayList<>(List.of("--home=" + RunningLauncher.HOME, "--data=" + data, "--sample-content"));
                args.addAll(RunningLauncher.portOptions(ports));
                launcher = RunningLauncher.start(args);
                launcher.awaitReady();
                return new Platform(launcher, ports, data);
            } catch (IOException | InterruptedException | AssertionError e) {
                if (launcher != null) {
                    launcher.close();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the platform did not start", e);
            }
        }

        /**
         * A platform already running (started by hand with the launcher), for iterating on a journey without a new start:
         * {@code -Dicm.endtoend.attach=gateway-port=18080,membership-port=18081,...}, and its data folder with
         * {@code -Dicm.endtoend.data=...} for the checks that read it (logs, Kafka's segments); it is left running afterwards.
         */
        private static Platform attach(String ports) {
            Map<String, Integer> given = new LinkedHashMap<>();
            for (String option : ports.split(",")) {
                String[] nameAndPort = option.strip().split("=");
                given.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
            }
            String data = System.getProperty("icm.endtoend.data");
            return new Platform(null, given, data == null || data.isBlank() ? null : Path.of(data));
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
            return launcher == null ? List.of() : launcher.output();
        }

        /** Ctrl-C, as a person stops it; then waits for the launcher to stop every service. */
        @Override
        public void close() {
            if (launcher != null) { // else attached to a platform someone else runs
                launcher.close();
            }
        }
    }
}
