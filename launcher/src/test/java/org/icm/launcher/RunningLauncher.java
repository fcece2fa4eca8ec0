package org.icm.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.icm.infrastructure.Ports;

/**
 * The packaged launcher ({@code launcher/target/launcher-exec.jar}) as its own process, as a person runs it: its
 * output collected line by line, stopped with Ctrl-C. Shared by the launcher's own test and the end-to-end journeys
 * (this module's test-jar).
 */
public final class RunningLauncher implements AutoCloseable {

    /** The repository's root, from any module's folder (where Maven runs a module's tests). */
    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    public static final Path LAUNCHER_JAR = HOME.resolve("launcher/target/launcher-exec.jar");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private RunningLauncher(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().filter(line -> !line.startsWith("WARNING:")).forEach(output::add);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar launcher-exec.jar <args>} with the test JVM's own java, in the repository's root. */
    public static RunningLauncher start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow", "-jar", LAUNCHER_JAR.toString()));
        command.addAll(args);
        return new RunningLauncher(new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start());
    }

    /**
     * A free port for every port option of the launcher ({@code gateway-port}, ...). Kafka's controller listens on the
     * port after the broker's, so no port is chosen next to another or next to one in use.
     */
    public static Map<String, Integer> freePorts() {
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

    /** The options naming these ports: {@code --gateway-port=...}. */
    public static List<String> portOptions(Map<String, Integer> ports) {
        List<String> options = new ArrayList<>();
        ports.forEach((option, port) -> options.add("--" + option + "=" + port));
        return options;
    }

    /** Waits for the ready line; fails at once when the launcher stops first, or after 5 minutes. */
    public void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.startsWith(Launcher.READY))) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher stopped before it was ready: " + output);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the launcher was not ready within 5 minutes: " + output);
    }

    /** What Ctrl-C sends. */
    public void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** Waits up to 2 minutes for the launcher to stop every service and exit; its exit status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the launcher did not stop within 2 minutes: " + output);
        }
        Thread.sleep(200); // let the reader take the last lines
        return process.exitValue();
    }

    public List<String> output() {
        return output;
    }

    /** Kills one of the launcher's services with SIGKILL, as a crash or an out-of-memory kill would: no shutdown at all. */
    public void killService(String name) {
        ProcessHandle service = process.toHandle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("/" + name + "-exec.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no running " + name));
        service.destroyForcibly();
        service.onExit().join();
    }

    /** Kills the launcher itself with SIGKILL: what it started is left running. */
    public void killLauncher() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits up to {@code timeout} for a line of output that holds {@code text}. */
    public void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output.stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with \"" + text + "\" within " + timeout + ": " + output);
            }
            Thread.sleep(200);
        }
    }

    /** Ctrl-C if it still runs, as a person stops it, and then force after 2 minutes. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            interrupt();
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
}
