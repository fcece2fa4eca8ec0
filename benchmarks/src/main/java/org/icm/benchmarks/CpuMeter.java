package org.icm.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by a JVM (this one, or a service's JVM that the benchmark started) and by the PostgreSQL server
 * (postmaster, its live children and the children it has reaped), read on Linux from {@code /proc}; the JVM's time also
 * thread by thread, so that it can be told by role ({@link #roleOf}). On a machine whose cores are shared with other
 * work, CPU time per operation is steadier than wall time, and says which side would saturate the cores first.
 */
final class CpuMeter {

    /**
     * CPU time in nanoseconds, -1 where it cannot be read; and of the JVM's time, what its JIT compilers and its
     * garbage collector took, in milliseconds: for this JVM as it reports them (compilation is wall time of the compiler
     * threads), for another JVM the CPU time of its compiler threads and of its GC threads ({@link #jitCpuNanos} is the
     * compilers' CPU time for either).
     */
    record Sample(long jvmNanos, long postgresNanos, long jitMillis, long gcMillis, Map<Long, ThreadTime> threads) {

        /**
         * What was used between an earlier sample and this one; threads are compared by id, a thread born since
         * counts from zero, and the time of threads that ended in between is left out of {@link #threads}.
         */
        Sample minus(Sample earlier) {
            Map<Long, ThreadTime> used = new HashMap<>();
            threads.forEach((id, now) -> {
                ThreadTime before = earlier.threads.get(id);
                long since = before == null || !before.name().equals(now.name()) ? now.nanos() : now.nanos() - before.nanos();
                used.put(id, new ThreadTime(now.name(), since));
            });
            return new Sample(difference(jvmNanos, earlier.jvmNanos), difference(postgresNanos, earlier.postgresNanos),
                    difference(jitMillis, earlier.jitMillis), difference(gcMillis, earlier.gcMillis), used);
        }

        /** CPU time of the JVM's threads, added up by what they do (see {@link CpuMeter#roleOf}), largest first. */
        Map<String, Long> byRole() {
            Map<String, Long> roles = new HashMap<>();
            threads.values().forEach(thread -> roles.merge(roleOf(thread.name()), thread.nanos(), Long::sum));
            long counted = roles.values().stream().mapToLong(Long::longValue).sum();
            if (jvmNanos >= 0 && jvmNanos > counted) {
                roles.merge("threads that ended meanwhile (in a benchmark's own JVM mostly its client threads)",
                        jvmNanos - counted, Long::sum);
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            roles.entrySet().stream().filter(role -> role.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(role -> sorted.put(role.getKey(), role.getValue()));
            return sorted;
        }

        /** CPU time of the JVM's JIT compiler threads, from their own times; -1 where threads cannot be read. */
        long jitCpuNanos() {
            return threads.isEmpty() ? -1 : roleNanos(JIT);
        }

        /** CPU time of the threads of one role ({@link CpuMeter#roleOf}). */
        long roleNanos(String role) {
            return CpuMeter.roleNanos(threads, role);
        }

        private static long difference(long later, long earlier) {
            return later < 0 || earlier < 0 ? -1 : later - earlier;
        }
    }

    static final String JIT = "JIT compilers";
    static final String GC = "GC and VM threads";
    static final String MONGODB_SERVER = "MongoDB-wire server (read model and tokens)";
    static final String KAFKA_BROKER = "Kafka broker";
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final long SETTLE_MILLIS = 300;
    private final long postmasterPid;
    /** The JVM measured: -1 for this one. */
    private final long jvmPid;

    /**
     * Measures this JVM and PostgreSQL.
     *
     * @param postgresDataDirectory where PostgreSQL keeps {@code postmaster.pid}; its first line is the server's process id
     */
    CpuMeter(Path postgresDataDirectory) {
        this(postgresDataDirectory, -1);
    }

    /** Measures another JVM (a service the benchmark started as its own process), by its process id, and PostgreSQL. */
    CpuMeter(Path postgresDataDirectory, long jvmPid) {
        this.postmasterPid = readPostmasterPid(postgresDataDirectory.resolve("postmaster.pid"));
        this.jvmPid = jvmPid;
    }

    /**
     * Takes a sample a moment after the last operation: PostgreSQL backends whose connections just closed are
     * counted once the server has reaped them.
     */
    Sample sample() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        return sampleNow();
    }

    /** Takes a sample at once (right after another meter's {@link #sample}). */
    Sample sampleNow() {
        if (jvmPid < 0) {
            return new Sample(jvmCpuNanos(), postgresCpuNanos(), jitMillis(), gcMillis(), threadTimes("self"));
        }
        Map<Long, ThreadTime> threads = threadTimes(Long.toString(jvmPid));
        List<Long> process = stat(jvmPid, false);
        long jvmNanos = process == null ? -1 : process.getFirst() * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        long jitMillis = threads.isEmpty() ? -1 : roleNanos(threads, JIT) / 1_000_000;
        long gcMillis = threads.isEmpty() ? -1 : roleNanos(threads, GC) / 1_000_000;
        return new Sample(jvmNanos, postgresCpuNanos(), jitMillis, gcMillis, threads);
    }

    private static long roleNanos(Map<Long, ThreadTime> threads, String role) {
        return threads.values().stream().filter(thread -> roleOf(thread.name()).equals(role)).mapToLong(ThreadTime::nanos).sum();
    }

    /** A thread's name as the operating system knows it (at most 15 characters) and its CPU time. */
    record ThreadTime(String name, long nanos) {
    }

    /** The CPU time of each thread of a process ("self" or its id), by thread id, read from /proc/<process>/task; empty elsewhere. */
    private static Map<Long, ThreadTime> threadTimes(String process) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", process, "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTime(name, ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND));
                } catch (IOException | RuntimeException threadGone) {
                    // ended while being read
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return Map.of();
        }
        return threads;
    }

    /**
     * What a thread of a benchmark's JVM or of a service's JVM does, from its name as Linux keeps it (the first 15
     * characters: "WorkPackage[dossier-catalogue]-0" is "WorkPackage[dos").
     */
    static String roleOf(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return "service: HTTP request threads (security, MVC, the request's work: Axon command handling and event store, or the CRUD insert)";
        }
        if (threadName.startsWith("WorkPackage[dos") || threadName.startsWith("Coordinator[dos")) {
            return "service: dossier-catalogue projection (event processor)";
        }
        if (threadName.startsWith("WorkPackage[int") || threadName.startsWith("Coordinator[int")) {
            return "service: outbox publisher (integration events to Kafka)";
        }
        if (threadName.startsWith("WorkPackage[") || threadName.startsWith("Coordinator[")) {
            return "service: other event processors";
        }
        if (threadName.startsWith("EmbeddedEventSt")) {
            return "service: Axon's event store reader (feeds the event processors)";
        }
        if (threadName.startsWith("kafka-producer") || threadName.startsWith("kafka-admin-cli") || threadName.startsWith("kafka-coordinat")) {
            return "service: Kafka clients (the outbox publisher's producer sends, admin)";
        }
        if (threadName.startsWith("mongo-server")) {
            return MONGODB_SERVER;
        }
        if (threadName.startsWith("HttpClient-") || threadName.startsWith("client-")) {
            return "benchmark HTTP clients";
        }
        if (threadName.startsWith("raw-")) {
            return "benchmark JDBC threads";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.startsWith("VM ")) {
            return GC;
        }
        String lower = threadName.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("kafka") || lower.startsWith("data-plane") || lower.startsWith("quorum") || lower.startsWith("broker")
                || lower.startsWith("controller") || lower.startsWith("raft")) {
            return KAFKA_BROKER;
        }
        return "other threads";
    }

    private static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() : -1;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private long postgresCpuNanos() {
        if (postmasterPid < 0) {
            return -1;
        }
        List<Long> ownAndReaped = stat(postmasterPid, true);
        if (ownAndReaped == null) {
            return -1;
        }
        long ticks = ownAndReaped.getFirst();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                List<Long> child = pid == postmasterPid ? null : stat(pid, false);
                if (child != null && child.get(1) == postmasterPid) {
                    ticks += child.getFirst();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    /** [utime + stime (+ cutime + cstime when asked), parent pid] of a process, or null when it is gone. */
    private static List<Long> stat(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name, in parentheses, may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long parent = Long.parseLong(fields[1]);
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return List.of(ticks, parent);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long readPostmasterPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
