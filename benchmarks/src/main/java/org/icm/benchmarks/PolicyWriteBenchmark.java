package org.icm.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.testing.TestTokens;

/**
 * How fast policy-service records procedure steps over HTTP, next to how fast the same PostgreSQL appends
 * the same events straight through JDBC, in one run on one machine. A program that prints figures, not a
 * test: {@code ./mvnw verify} never runs it. See {@code benchmarks/README.md}.
 *
 * <ol>
 *   <li>Starts the embedded infrastructure on free loopback ports, PostgreSQL durable (fsync and synchronous
 *       commits on, as the local platform runs it), its data in a fresh folder deleted at the end.</li>
 *   <li>Starts a test token issuer (JWKS over HTTP) and policy-service in this JVM, as a Spring Boot
 *       application on a free loopback port.</li>
 *   <li>Opens the dossiers, one measure each (set-up, not measured).</li>
 *   <li>Service side: N HTTP clients record procedure steps, spread over the dossiers; a warm-up, then the
 *       measured commands, each command's latency recorded.</li>
 *   <li>Stops the service (after its read model caught up), then the raw side: N JDBC threads append as many
 *       rows of the same size to the same table, a warm-up, then the measured rows.</li>
 *   <li>Prints both rates, their ratio and the latencies; the goal is a ratio of at least 0.5.</li>
 * </ol>
 */
public final class PolicyWriteBenchmark {

    static final double GOAL = 0.5;
    private static final String STEP_EVENT = "ProcedureStepRecorded";
    /** Steps of every stage but the exits: nothing may follow WITHDRAWN or LAPSED. */
    private static final List<ProcedureStage> STAGES = Arrays.stream(ProcedureStage.values()).filter(stage -> !stage.isExit()).toList();
    /** Effective dates cycle over about eleven years, all in the past. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2010, 1, 4);
    private static final int DATE_SPREAD_DAYS = 4_000;
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final BenchmarkOptions options;
    private PolicyServiceRun run;

    private PolicyWriteBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        // (service-defaults switches off Axon's usage reporting to AxonIQ: this run stays on loopback)
        PolicyWriteBenchmark benchmark = new PolicyWriteBenchmark(options);
        Thread cleanUp = new Thread(benchmark::stopEverything, "benchmark-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        int exitCode;
        try {
            exitCode = benchmark.run();
        } catch (Exception e) {
            System.out.flush();
            System.err.println("The benchmark could not run: " + e);
            e.printStackTrace();
            exitCode = 1;
        } finally {
            benchmark.stopEverything();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook runs anyway, and finds nothing left to stop
            }
        }
        System.exit(exitCode);
    }

    private int run() throws Exception {
        int clients = options.clients();
        double loadBefore = loadAverage();
        say("policy-service write benchmark: %d clients, %d commands measured after %d warm-up, over %d dossiers",
                clients, options.commands(), options.warmup(), options.dossiers());

        run = PolicyServiceRun.start(options.serviceProperties());
        String jdbcUrl = run.jdbcUrl();
        Map<String, String> postgresSettings;
        try (Connection connection = connect(jdbcUrl)) {
            postgresSettings = postgresSettings(connection);
        }
        TestTokens tokens = run.tokens();
        String base = run.baseUrl();

        // set-up, not measured: the dossiers and their measures
        PolicyApiClient.Target[] targets = new PolicyApiClient.Target[options.dossiers()];
        String setUpToken = focalPointToken(tokens);
        ConcurrentLoad.Result setUp = ConcurrentLoad.run("set-up", clients, options.dossiers(), thread -> {
            PolicyApiClient client = new PolicyApiClient(base, setUpToken);
            return ConcurrentLoad.Worker.of(client, k -> targets[k] = client.openDossierWithMeasure(k));
        });
        requireNoFailure("set-up", setUp);
        say("opened %d dossiers with one measure each", options.dossiers());

        if (!options.readModel()) {
            awaitCatalogue(jdbcUrl);
            catalogue().ifPresent(StreamingEventProcessor::shutDown);
            say("diagnostic: the dossier-catalogue projection is stopped; only the write side runs");
        }
        CpuMeter cpu = new CpuMeter(run.dataFolder().resolve("postgres"));

        // service side: warm-up, then measured
        if (options.warmup() > 0) {
            requireNoFailure("service warm-up", recordSteps("warm-up", base, targets, 0, options.warmup(), focalPointToken(tokens)));
            say("service warm-up: %d commands", options.warmup());
        }
        long beforeMeasured;
        try (Connection connection = connect(jdbcUrl)) {
            beforeMeasured = headIndex(connection);
        }
        CpuMeter.Sample cpuBeforeHttp = cpu.sample();
        ConcurrentLoad.Result http = recordSteps("client", base, targets, options.warmup(), options.commands(), focalPointToken(tokens));
        CpuMeter.Sample httpCpu = cpu.sample().minus(cpuBeforeHttp);
        long catchUpMillis = options.readModel() ? awaitCatalogue(jdbcUrl) : -2;
        List<RawEventAppends.StoredEvent> written;
        long serviceEvents;
        try (Connection connection = connect(jdbcUrl)) {
            serviceEvents = countSince(connection, beforeMeasured);
            written = RawEventAppends.storedSince(connection, beforeMeasured, STEP_EVENT, options.commands());
        }
        say("service: %d commands in %.2f s, %d failed", http.operations(), http.nanos() / 1e9, http.failures());
        run.stopService();
        say("policy-service stopped; PostgreSQL keeps running for the raw side");

        // raw side: the same number of rows of the same size, straight into the same table
        RawEventAppends raw = new RawEventAppends(jdbcUrl, run.postgresUser(), run.postgresPassword(), written,
                options.dossiers());
        if (options.warmup() > 0) {
            requireNoFailure("raw warm-up", ConcurrentLoad.run("raw-warm-up", clients, options.warmup(), raw::open));
        }
        long beforeRaw;
        try (Connection connection = connect(jdbcUrl)) {
            beforeRaw = headIndex(connection);
        }
        CpuMeter.Sample cpuBeforeRaw = cpu.sample();
        ConcurrentLoad.Result jdbc = ConcurrentLoad.run("raw", clients, options.commands(), raw::open);
        CpuMeter.Sample rawCpu = cpu.sample().minus(cpuBeforeRaw);
        long rawRows;
        try (Connection connection = connect(jdbcUrl)) {
            rawRows = countSince(connection, beforeRaw);
        }
        say("raw JDBC: %d rows in %.2f s, %d failed", jdbc.operations(), jdbc.nanos() / 1e9, jdbc.failures());

        report(postgresSettings, loadBefore, http, httpCpu, serviceEvents, catchUpMillis, jdbc, rawCpu, rawRows, written);
        if (http.failures() > 0 || jdbc.failures() > 0) {
            System.out.println();
            System.out.println("NOT A VALID MEASUREMENT: some operations failed.");
            if (http.firstFailure() != null) {
                System.out.println("  first failed command: " + http.firstFailure());
            }
            if (jdbc.firstFailure() != null) {
                System.out.println("  first failed insert: " + jdbc.firstFailure());
            }
            return 1;
        }
        return 0;
    }

    private ConcurrentLoad.Result recordSteps(String name, String base, PolicyApiClient.Target[] targets, int offset, int count,
                                             String token) throws InterruptedException {
        return ConcurrentLoad.run(name, options.clients(), count, thread -> {
            PolicyApiClient client = new PolicyApiClient(base, token);
            return ConcurrentLoad.Worker.of(client, k -> {
                int n = offset + k;
                // consecutive commands go to different dossiers, so concurrent clients rarely meet on one
                client.recordStep(targets[n % targets.length], STAGES.get(n % STAGES.size()), FIRST_DATE.plusDays(n % DATE_SPREAD_DAYS));
            });
        });
    }

    private static String focalPointToken(TestTokens tokens) {
        return tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
    }

    /**
     * Waits until the dossier catalogue (the read model's processor, which tails the same event table) has
     * processed every event, so that it neither slows the raw side nor sees its rows; answers how long it
     * took after the last command, or -1 past the limit.
     */
    private long awaitCatalogue(String jdbcUrl) throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        long head;
        try (Connection connection = connect(jdbcUrl)) {
            head = headIndex(connection);
        }
        Optional<StreamingEventProcessor> catalogue = catalogue();
        if (catalogue.isEmpty()) {
            return -1;
        }
        while (System.nanoTime() - begin < CATCH_UP_LIMIT.toNanos()) {
            var segments = catalogue.get().processingStatus().values();
            if (!segments.isEmpty() && segments.stream().allMatch(status -> position(status) >= head)) {
                return (System.nanoTime() - begin) / 1_000_000;
            }
            Thread.sleep(10);
        }
        return -1;
    }

    private Optional<StreamingEventProcessor> catalogue() {
        return run.service().getBean(EventProcessingConfiguration.class)
                .eventProcessor(DossierCatalogue.PROCESSING_GROUP, StreamingEventProcessor.class);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }

    private void report(Map<String, String> postgres, double loadBefore, ConcurrentLoad.Result http, CpuMeter.Sample httpCpu,
                        long serviceEvents, long catchUpMillis, ConcurrentLoad.Result jdbc, CpuMeter.Sample rawCpu, long rawRows,
                        List<RawEventAppends.StoredEvent> written) {
        double ratio = http.perSecond() / jdbc.perSecond();
        double averageBytes = written.stream().mapToInt(RawEventAppends.StoredEvent::bytes).average().orElse(0);
        double averagePayload = written.stream().mapToInt(event -> event.payload().length).average().orElse(0);
        double averageMetaData = written.stream().mapToInt(event -> event.metaData().length).average().orElse(0);
        int clients = options.clients();
        Runtime runtime = Runtime.getRuntime();
        String out = String.join("\n",
                "",
                "== policy-service write benchmark ==",
                line("machine", "%d cores; load average %.2f before the run, %.2f after; the cores are shared with anything else"
                        + " running here, so compare runs made under the same load", runtime.availableProcessors(), loadBefore, loadAverage()),
                line("java", "%s, max heap %d MiB; service, HTTP clients, Kafka, MongoDB-wire and the raw JDBC threads share this JVM;"
                        + " PostgreSQL is its own process", Runtime.version(), runtime.maxMemory() >> 20),
                line("postgresql", "%s on loopback, fsync=%s, synchronous_commit=%s, full_page_writes=%s, wal_sync_method=%s; data on %s",
                        postgres.get("server_version"), postgres.get("fsync"), postgres.get("synchronous_commit"),
                        postgres.get("full_page_writes"), postgres.get("wal_sync_method"), fileStore(run.dataFolder())),
                line("service settings", options.serviceProperties().isEmpty() ? "as the service configures itself (plus free ports, test issuer, WARN logs)"
                        : "as configured, with " + options.serviceProperties()),
                line("event size", "%.0f bytes on average (payload %.0f + meta_data %.0f), of the service's %s rows; the raw rows copy them",
                        averageBytes, averagePayload, averageMetaData, STEP_EVENT),
                "",
                "What each side does, per measured operation (both pay one durable PostgreSQL commit per event):",
                "  service  one of " + clients + " HTTP/1.1 clients (one request at a time each, own keep-alive connection) POSTs",
                "           /dossiers/{id}/measures/{mid}/steps with an RS256 JWT: Spring Security checks it, the controller sends",
                "           RecordProcedureStep through Axon's command gateway; Axon takes the Dossier aggregate from memory when",
                "           cached (icm.policy.aggregate-cache, on unless set false), else loads it from its snapshot and events,",
                "           the aggregate decides, and the unit of work",
                "           appends one ProcedureStepRecorded row to domain_event_entry and commits, in one JDBC transaction;",
                "           then the client gets 201.",
                options.readModel() ? "           Meanwhile the dossier-catalogue processor (same JVM) tails the table and upserts the MongoDB read model."
                        : "           The dossier-catalogue projection is stopped (diagnostic --read-model=off).",
                "  raw      one of " + clients + " JDBC threads (own connection each, autocommit) inserts one row into domain_event_entry:",
                "           same columns, the type/payload/meta_data bytes of a row the service wrote, a fresh event id, one of "
                        + options.dossiers() + " fresh",
                "           aggregate ids with its next sequence number; nothing else runs (the service was stopped first).",
                "",
                line("commands", "%d measured (after %d warm-up), over %d dossiers; %d events appended (%.2f per command);"
                                + " each command loaded its dossier from %.1f events on average",
                        http.operations(), options.warmup(), options.dossiers(), serviceEvents, serviceEvents / (double) http.operations(),
                        averageStreamLength()),
                line("raw rows", "%d measured (after %d warm-up); %d rows appended", jdbc.operations(), options.warmup(), rawRows),
                line("threads", "%d HTTP clients; %d JDBC threads", clients, clients),
                line("events/s via HTTP", "%.0f", http.perSecond()),
                line("events/s raw JDBC", "%.0f", jdbc.perSecond()),
                line("ratio service/raw", "%.2f", ratio),
                line("command latency ms", "p50 %.2f  p99 %.2f  max %.2f", http.percentileMillis(50), http.percentileMillis(99), http.maxMillis()),
                line("raw insert latency ms", "p50 %.2f  p99 %.2f  max %.2f", jdbc.percentileMillis(50), jdbc.percentileMillis(99), jdbc.maxMillis()),
                line("CPU ms per event", "service: JVM %s + PostgreSQL %s; raw: JVM %s + PostgreSQL %s (%d cores: %s ms of CPU per second)",
                        cpuPerEvent(httpCpu.jvmNanos(), http), cpuPerEvent(httpCpu.postgresNanos(), http),
                        cpuPerEvent(rawCpu.jvmNanos(), jdbc), cpuPerEvent(rawCpu.postgresNanos(), jdbc),
                        runtime.availableProcessors(), runtime.availableProcessors() * 1000),
                line("service CPU by role", "ms per command, in this JVM while measuring the service:"),
                cpuByRole(httpCpu, http),
                line("JIT and GC", "while measuring the service: JIT compilers %d ms, GC %d ms; the raw side: JIT %d ms, GC %d ms%s",
                        httpCpu.jitMillis(), httpCpu.gcMillis(), rawCpu.jitMillis(), rawCpu.gcMillis(),
                        httpCpu.jitMillis() > http.nanos() / 1_000_000 / 10 ? " (the JIT was still busy: a longer --warmup gives steadier figures)" : ""),
                line("read model", readModelLine(catchUpMillis)),
                line("goal", "ratio >= %.2f: %s", GOAL, ratio >= GOAL ? "MET" : "NOT MET"));
        System.out.println(out);
    }

    /** Events a measured command reads to load its dossier: opened, measure added, and the steps recorded before it. */
    private double averageStreamLength() {
        double total = 0;
        for (int n = options.warmup(); n < options.warmup() + options.commands(); n++) {
            total += 2 + n / options.dossiers();
        }
        return total / options.commands();
    }

    private static String cpuPerEvent(long cpuNanos, ConcurrentLoad.Result result) {
        return cpuNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuNanos / 1e6 / result.operations());
    }

    private static String cpuByRole(CpuMeter.Sample cpu, ConcurrentLoad.Result result) {
        StringBuilder lines = new StringBuilder();
        cpu.byRole().forEach((role, nanos) -> {
            double millisPerOperation = nanos / 1e6 / result.operations();
            if (millisPerOperation < 0.005) {
                return;
            }
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(String.format(Locale.ROOT, "%-22s %7.2f  %s", "", millisPerOperation, role));
        });
        return lines.isEmpty() ? String.format(Locale.ROOT, "%-22s %s", "", "n/a (not Linux)") : lines.toString();
    }

    private static String readModelLine(long catchUpMillis) {
        if (catchUpMillis == -2) {
            return "OFF (diagnostic --read-model=off): the dossier-catalogue projection was stopped before the warm-up";
        }
        if (catchUpMillis < 0) {
            return "the dossier catalogue had not caught up " + CATCH_UP_LIMIT.toSeconds() + " s after the last command";
        }
        return "the dossier catalogue (projection in the same JVM) caught up " + catchUpMillis + " ms after the last command";
    }

    private static String line(String label, String format, Object... values) {
        return String.format(Locale.ROOT, "%-22s %s", label, String.format(Locale.ROOT, format, values));
    }

    private static void say(String format, Object... values) {
        PolicyServiceRun.say(format, values);
    }

    private static void requireNoFailure(String phase, ConcurrentLoad.Result result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(phase + ": " + result.failures() + " operations failed; first: " + result.firstFailure());
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, run.postgresUser(), run.postgresPassword());
    }

    private static long headIndex(Connection connection) throws SQLException {
        return single(connection, "select coalesce(max(global_index), 0) from domain_event_entry");
    }

    private static long countSince(Connection connection, long globalIndex) throws SQLException {
        return single(connection, "select count(*) from domain_event_entry where global_index > " + globalIndex);
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, String> postgresSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")) {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("show " + name)) {
                result.next();
                settings.put(name, result.getString(1));
            }
        }
        return settings;
    }

    private static String fileStore(Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            return store.type() + " (" + folder + ")";
        } catch (IOException e) {
            return "unknown file system (" + folder + ")";
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Stops the service, then the servers, then deletes the data; safe to call twice (normal end and Ctrl-C). */
    private synchronized void stopEverything() {
        if (run != null) {
            run.close();
        }
    }
}
