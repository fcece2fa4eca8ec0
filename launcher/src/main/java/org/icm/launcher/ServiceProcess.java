package org.icm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, as it would in production, with its output in its own log file. It can be started
 * again with the same command after it ended (the launcher's supervision).
 */
final class ServiceProcess {

    /** Small, quick-starting JVMs: six of them share two cores on a laptop-sized machine. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    private final String name;
    private final Path log;
    private final List<String> command;
    private volatile Process process;

    private ServiceProcess(String name, Path log, List<String> command) {
        this.name = name;
        this.log = log;
        this.command = List.copyOf(command);
    }

    static ServiceProcess start(String name, Path jar, Path logs, Map<String, String> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(jar + " is missing: build first with ./mvnw -DskipTests package (or start with ./mvnw -Pstart -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ServiceProcess service = new ServiceProcess(name, logs.resolve(name + ".log"), command);
        service.startAgain();
        return service;
    }

    /** Starts the service (again), with the same command, its output appended to the same log. */
    void startAgain() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status of a process that ended. */
    int exitValue() {
        return process.exitValue();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the stop; kills the process when it takes longer than the grace period. */
    void awaitStop(Duration grace) {
        Process current = process;
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }
}
