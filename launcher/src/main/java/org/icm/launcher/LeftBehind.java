package org.icm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a run of the launcher leaves running when the launcher itself is killed (SIGKILL, an out-of-memory kill): the
 * service JVMs it started, which outlive their parent, and the PostgreSQL server, which runs detached. The next start
 * on the same data folder stops them, instead of failing on their ports. Only what is certainly that run's is touched:
 * the JVMs listed in the data folder's {@value #RECORD} with the same process id AND start instant, and the PostgreSQL
 * whose {@code postmaster.pid} names this folder's {@code postgres} directory. Anything else on a port is still refused
 * with the one-line message; a launcher still running on the folder is refused too.
 */
final class LeftBehind {

    static final String RECORD = "launcher.pids";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private LeftBehind() {
    }

    /** Notes this launcher and the processes it runs now (each line: process id, start instant, name). */
    static synchronized void record(LauncherSettings settings, List<ServiceProcess> processes) {
        List<String> lines = new ArrayList<>();
        lines.add(line(ProcessHandle.current(), "launcher"));
        processes.forEach(process -> lines.add(line(process.handle(), process.name())));
        try {
            Path temporary = settings.data().resolve(RECORD + ".new");
            Files.write(temporary, lines);
            Files.move(temporary, settings.data().resolve(RECORD), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.data().resolve(RECORD), e);
        }
    }

    /** After a clean stop nothing is left behind. */
    static void forget(LauncherSettings settings) {
        try {
            Files.deleteIfExists(settings.data().resolve(RECORD));
        } catch (IOException e) {
            // the next start checks each process anyway
        }
    }

    /** Stops what a killed run of this data folder left running; answers what it stopped (empty when nothing). */
    static List<String> stop(LauncherSettings settings) {
        List<String> stopped = new ArrayList<>();
        Path record = settings.data().resolve(RECORD);
        if (Files.isRegularFile(record)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(record);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + record, e);
            }
            for (String line : lines) {
                String[] fields = line.split(" ", 3);
                if (fields.length < 3) {
                    continue;
                }
                Optional<ProcessHandle> alive = sameProcess(Long.parseLong(fields[0]), fields[1]);
                if (alive.isEmpty()) {
                    continue;
                }
                if (fields[2].equals("launcher")) {
                    throw new LaunchException("another launcher (process " + fields[0] + ") runs the platform on " + settings.data()
                            + ": stop it with Ctrl-C, or choose another data folder with --data=<folder>");
                }
                stop(alive.get());
                stopped.add(fields[2] + " (process " + fields[0] + ")");
            }
        }
        Path postgresDirectory = settings.data().resolve("postgres");
        postgres(postgresDirectory).ifPresent(postgres -> {
            stopPostgres(postgres, postgresDirectory);
            stopped.add("PostgreSQL (process " + postgres.pid() + ")");
        });
        forget(settings);
        return stopped;
    }

    /** The process, if it still runs and is the one that was recorded (a process id can be reused by another program). */
    private static Optional<ProcessHandle> sameProcess(long pid, String startInstant) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant().map(Instant::toString).filter(startInstant::equals).isPresent());
    }

    /** The PostgreSQL server running on this directory, from its postmaster.pid (first line: process id; second: directory). */
    private static Optional<ProcessHandle> postgres(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !Path.of(lines.get(1)).toRealPath().equals(directory.toRealPath())) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** PostgreSQL's fast shutdown (its own pg_ctl, beside the server's binary): clients are cut off, everything is written. */
    private static void stopPostgres(ProcessHandle postgres, Path directory) {
        Optional<Path> pgCtl = postgres.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl")).filter(Files::isExecutable);
        if (pgCtl.isPresent()) {
            try {
                Process stopping = new ProcessBuilder(pgCtl.get().toString(), "stop", "-D", directory.toString(), "-m", "fast", "-w")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (stopping.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS) && !postgres.isAlive()) {
                    return;
                }
            } catch (IOException e) {
                // fall back to the signal below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop(postgres);
    }

    /** SIGTERM (a service shuts down gracefully; PostgreSQL once its clients are gone), then SIGKILL after the grace period. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the port check that follows
            }
        }
    }

    private static String line(ProcessHandle process, String name) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?") + " " + name;
    }
}
