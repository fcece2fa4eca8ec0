package org.icm.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.icm.benchmarks.crud.CrudStepsApplication;
import org.icm.infrastructure.Ports;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.testing.TestTokens;

/**
 * Issue 18, W1 and W2: how fast and at what CPU cost the event-sourced policy-service records procedure steps over HTTP,
 * next to a CRUD baseline doing the same request the way a service without event sourcing would, in one run on one
 * machine. A program that prints figures, not a test: {@code ./mvnw verify} never runs it. See {@code benchmarks/README.md}.
 *
 * <ol>
 *   <li>Starts the embedded infrastructure on free loopback ports in this JVM, PostgreSQL durable (fsync and synchronous
 *       commits on, as the local platform runs it) in its own processes, its data in a fresh folder deleted at the end;
 *       and a test token issuer (JWKS over HTTP on loopback).</li>
 *   <li>Starts policy-service as its own JVM from its runnable jar, with the JVM flags the platform deploys it with
 *       ({@link ServiceJvm.Flags}), pointed at those servers and that issuer; opens the dossiers (set-up).</li>
 *   <li>N HTTP clients record procedure steps, spread over the dossiers: warm-up rounds until the JIT compilers are quiet
 *       in the service's JVM, then the measured commands, until every event processor of the service (the dossier
 *       catalogue, the outbox publisher) has caught up. Then the service is stopped.</li>
 *   <li>Starts the CRUD baseline ({@link CrudStepsApplication}) as its own JVM with the same flags, and does the same
 *       with the same clients, requests and dossiers.</li>
 *   <li>Prints both rates and their ratio (W1: at least 0.5), p50/p99 (W1: the service's p99 at most twice the
 *       baseline's), CPU per command in each service's JVM by role (W2: at most 2.0 ms in policy-service's, read model
 *       included) and in PostgreSQL, and the JIT's CPU while measuring.</li>
 * </ol>
 */
public final class PolicyWriteBenchmark {

    /** W1: the service's throughput at least this share of the baseline's. */
    static final double GOAL_THROUGHPUT_RATIO = 0.5;
    /** W1: the service's p99 at most this many times the baseline's. */
    static final double GOAL_P99_RATIO = 2.0;
    /** W2: CPU per command in the service's JVM, read model included. */
    static final double GOAL_CPU_MILLIS = 2.0;
    /** The JIT is quiet when its compiler threads used at most this share of the service's CPU in a warm-up round. */
    static final double JIT_QUIET = 0.05;
    /** Steps of every stage but the exits: nothing may follow WITHDRAWN or LAPSED. */
    private static final List<ProcedureStage> STAGES = Arrays.stream(ProcedureStage.values()).filter(stage -> !stage.isExit()).toList();
    /** Effective dates cycle over about eleven years, all in the past. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2010, 1, 4);
    private static final int DATE_SPREAD_DAYS = 4_000;
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    /** The lag of each event processor's segment, {@code icm.event.processor.lag} (service-defaults), on /actuator/prometheus. */
    private static final Pattern LAG = Pattern.compile("(?m)^icm_event_processor_lag\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern PROCESSOR = Pattern.compile("processor=\"([^\"]*)\"");
    private static final String CATALOGUE = "dossier-catalogue";

    private final BenchmarkOptions options;
    private PolicyServiceRun run;
    private ServiceJvm policy;
    private ServiceJvm crud;

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
        if (!Files.isRegularFile(options.policyJar())) {
            System.err.println("policy-service's runnable jar is missing at " + options.policyJar().toAbsolutePath()
                    + "; build it first (./mvnw -q -pl policy-service,benchmarks -am -DskipTests package) and run from the repository's root,"
                    + " or name it with --policy-jar");
            System.exit(2);
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

    /** One warm-up round: its commands and what the service's JVM used meanwhile. */
    private record Round(ConcurrentLoad.Result load, CpuMeter.Sample cpu) {

        double jitShare() {
            return cpu.jitCpuNanos() < 0 || cpu.jvmNanos() <= 0 ? Double.NaN : cpu.jitCpuNanos() / (double) cpu.jvmNanos();
        }
    }

    /**
     * One side measured: its warm-up rounds, the measured commands, and the CPU used from their start until the service's
     * event processors caught up (service's JVM, PostgreSQL; the infrastructure this JVM holds, separately).
     */
    private record Side(String name, ServiceJvm jvm, String refusals, List<Round> warmUp, boolean jitQuiet, ConcurrentLoad.Result measured,
                        CpuMeter.Sample cpu, CpuMeter.Sample here, long catchUpMillis) {

        double cpuMillisPerCommand(long nanos) {
            return nanos < 0 ? Double.NaN : nanos / 1e6 / measured.operations();
        }
    }

    private int run() throws Exception {
        int clients = options.clients();
        double loadBefore = loadAverage();
        say("policy-service against a CRUD baseline (issue 18, W1 and W2): %d clients, %d commands measured on each side after warm-up rounds"
                        + " of %d (at most %d), over %d dossiers; both services in their own JVM with %s flags %s",
                clients, options.commands(), options.warmup(), options.warmupRounds(), options.dossiers(), options.serviceJvm().source(),
                options.serviceJvm().options());

        run = PolicyServiceRun.serversOnly();
        Map<String, String> postgresSettings;
        try (Connection connection = run.connect()) {
            postgresSettings = postgresSettings(connection);
        }
        String token = focalPointToken(run.tokens());

        // the event-sourced service
        policy = start("policy-service", this::startPolicy);
        PolicyApiClient.Target[] targets = new PolicyApiClient.Target[options.dossiers()];
        ConcurrentLoad.Result setUp = ConcurrentLoad.run("set-up", clients, options.dossiers(), thread -> {
            PolicyApiClient client = new PolicyApiClient(policy.baseUrl(), token);
            return ConcurrentLoad.Worker.of(client, k -> targets[k] = client.openDossierWithMeasure(k));
        });
        requireNoFailure("set-up", setUp, policy);
        awaitProcessors(policy);
        say("opened %d dossiers with one measure each", options.dossiers());
        long headBefore;
        try (Connection connection = run.connect()) {
            headBefore = single(connection, "select coalesce(max(global_index), 0) from domain_event_entry");
        }
        Side eventSourced = measure("event-sourced", policy, targets, token, true);
        long events;
        try (Connection connection = run.connect()) {
            events = single(connection, "select count(*) from domain_event_entry where global_index > " + headBefore);
        }
        policy.close();
        say("policy-service stopped");

        // the CRUD baseline, same clients, same requests, same dossier and measure ids
        crud = start("CRUD baseline", this::startCrud);
        Side baseline = measure("CRUD", crud, targets, token, false);
        long rows;
        try (Connection connection = run.connect()) {
            rows = single(connection, "select count(*) from crud_procedure_step");
        }
        crud.close();
        say("CRUD baseline stopped");

        int sent = commandsSent(eventSourced);
        report(postgresSettings, loadBefore, eventSourced, events, sent, baseline, rows, commandsSent(baseline));
        if (eventSourced.measured().failures() > 0 || baseline.measured().failures() > 0) {
            System.out.println();
            System.out.println("NOT A VALID MEASUREMENT: some commands failed.");
            for (Side side : List.of(eventSourced, baseline)) {
                if (side.measured().firstFailure() != null) {
                    System.out.println("  " + side.name() + ", first failed command: " + side.measured().firstFailure());
                }
            }
            return 1;
        }
        return 0;
    }

    private interface Starter {
        ServiceJvm start() throws IOException;
    }

    private static ServiceJvm start(String name, Starter starter) throws Exception {
        say("starting %s in its own JVM ...", name);
        long begin = System.nanoTime();
        ServiceJvm jvm = starter.start();
        try {
            jvm.awaitHealthy(START_LIMIT);
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
        say("%s answers at %s (pid %d, healthy after %.1f s)", name, jvm.baseUrl(), jvm.pid(), (System.nanoTime() - begin) / 1e9);
        return jvm;
    }

    private ServiceJvm startPolicy() throws IOException {
        Map<String, String> properties = ServiceJvm.platformProperties(run.infrastructure(), run.tokens(), Ports.free());
        properties.put("springdoc.api-docs.enabled", "false");
        properties.putAll(options.serviceProperties());
        return ServiceJvm.startJar("policy-service", options.policyJar(), options.serviceJvm().options(), properties,
                run.dataFolder().resolve("policy-service.log"));
    }

    private ServiceJvm startCrud() throws IOException {
        Map<String, String> properties = ServiceJvm.platformProperties(run.infrastructure(), run.tokens(), Ports.free());
        // its table in policy-service's database, on the same server
        properties.put("icm.database", PolicyServiceRun.DATABASE);
        properties.put("springdoc.api-docs.enabled", "false");
        // the services' logging configuration (service-defaults), not the benchmarks' own logback.xml
        properties.put("logging.config", "classpath:logback-spring.xml");
        return ServiceJvm.startMainClass("crud-baseline", CrudStepsApplication.class, options.serviceJvm().options(), properties,
                run.dataFolder().resolve("crud-baseline.log"));
    }

    /**
     * Warm-up rounds until the JIT compilers are quiet in the service's JVM (or the most rounds allowed), then the
     * measured commands; with {@code processors}, each round and the measurement last until the service's event
     * processors caught up, so each counts the read model's work for its own commands.
     */
    private Side measure(String name, ServiceJvm jvm, PolicyApiClient.Target[] targets, String token, boolean processors) throws Exception {
        String refusals = checkRefusals(name, jvm, targets[0]);
        CpuMeter meter = new CpuMeter(run.dataFolder().resolve("postgres"), jvm.pid());
        CpuMeter here = new CpuMeter(run.dataFolder().resolve("postgres"));
        List<Round> rounds = new ArrayList<>();
        boolean quiet = false;
        int sent = 0;
        for (int r = 1; options.warmup() > 0 && r <= options.warmupRounds() && !quiet; r++) {
            CpuMeter.Sample before = meter.sample();
            ConcurrentLoad.Result load = recordSteps(name + "-warm-up", jvm.baseUrl(), targets, sent, options.warmup(), token);
            requireNoFailure(name + " warm-up", load, jvm);
            sent += options.warmup();
            if (processors) {
                awaitProcessors(jvm);
            }
            Round round = new Round(load, meter.sample().minus(before));
            rounds.add(round);
            double share = round.jitShare();
            quiet = !(share > JIT_QUIET); // NaN (threads cannot be read): one round
            say("%s warm-up round %d: %d commands at %.0f/s; JIT compilers %s ms of the service's %s ms of CPU (%s)%s", name, r,
                    load.operations(), load.perSecond(), millis(round.cpu().jitCpuNanos()), millis(round.cpu().jvmNanos()), percent(share),
                    quiet ? ", quiet" : "");
        }
        say("%s: measuring %d commands ...", name, options.commands());
        CpuMeter.Sample before = meter.sample();
        CpuMeter.Sample beforeHere = here.sampleNow();
        ConcurrentLoad.Result measured = recordSteps(name, jvm.baseUrl(), targets, sent, options.commands(), token);
        long catchUp = processors ? awaitProcessors(jvm) : 0;
        CpuMeter.Sample cpu = meter.sample().minus(before);
        CpuMeter.Sample cpuHere = here.sampleNow().minus(beforeHere);
        say("%s: %d commands in %.2f s, %d failed", name, measured.operations(), measured.nanos() / 1e9, measured.failures());
        if (measured.failures() > 0) {
            System.err.println(jvm.logTail());
        }
        return new Side(name, jvm, refusals, rounds, quiet && !rounds.isEmpty(), measured, cpu, cpuHere, catchUp);
    }

    /**
     * Both sides must refuse what policy-service refuses before doing any work (no token, not a focal point, a body the
     * rules refuse), or the baseline would be cheaper for doing less: a request of each kind, its status noted; a side
     * that accepts one, or fails on it, stops the run.
     */
    private String checkRefusals(String name, ServiceJvm jvm, PolicyApiClient.Target target) throws IOException, InterruptedException {
        TestTokens tokens = run.tokens();
        String valid = "{\"stage\":\"" + STAGES.getFirst() + "\",\"effectiveDate\":\"" + FIRST_DATE + "\"}";
        Map<String, Integer> statuses = new LinkedHashMap<>();
        try (PolicyApiClient anonymous = new PolicyApiClient(jvm.baseUrl(), null);
             PolicyApiClient participant = new PolicyApiClient(jvm.baseUrl(), tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT));
             PolicyApiClient focalPoint = new PolicyApiClient(jvm.baseUrl(), focalPointToken(tokens))) {
            statuses.put("no token", anonymous.stepStatus(target, valid));
            statuses.put("participant", participant.stepStatus(target, valid));
            statuses.put("no stage", focalPoint.stepStatus(target, "{\"effectiveDate\":\"" + FIRST_DATE + "\"}"));
            statuses.put("date in the future", focalPoint.stepStatus(target,
                    "{\"stage\":\"" + STAGES.getFirst() + "\",\"effectiveDate\":\"" + LocalDate.now().plusDays(2) + "\"}"));
            statuses.put("note too long", focalPoint.stepStatus(target, "{\"stage\":\"" + STAGES.getFirst() + "\",\"effectiveDate\":\""
                    + FIRST_DATE + "\",\"note\":\"" + "n".repeat(2_001) + "\"}"));
        }
        String answered = statuses.entrySet().stream().map(status -> status.getKey() + " " + status.getValue())
                .collect(Collectors.joining(", "));
        if (statuses.values().stream().anyMatch(status -> status < 400 || status >= 500)) {
            throw new IllegalStateException(name + " did not refuse as policy-service does: " + answered);
        }
        say("%s refuses: %s", name, answered);
        return answered;
    }

    private static int commandsSent(Side side) {
        return side.warmUp().stream().mapToInt(round -> round.load().operations()).sum() + side.measured().operations();
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
     * Waits until every event processor of the service has handled every stored event, as its lag gauge on
     * {@code /actuator/prometheus} says (the dossier catalogue's must be there); answers how long it took, or -1 past the
     * limit.
     */
    private static long awaitProcessors(ServiceJvm jvm) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest scrape = HttpRequest.newBuilder(URI.create(jvm.baseUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build();
            while (System.nanoTime() - begin < CATCH_UP_LIMIT.toNanos()) {
                HttpResponse<String> metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString());
                if (metrics.statusCode() == 200 && caughtUp(metrics.body())) {
                    return (System.nanoTime() - begin) / 1_000_000;
                }
                Thread.sleep(50);
            }
        }
        return -1;
    }

    /** Whether the dossier catalogue is among the processors and no processor's segment lags (a segment not claimed reads NaN). */
    static boolean caughtUp(String prometheus) {
        boolean catalogue = false;
        Matcher lag = LAG.matcher(prometheus);
        while (lag.find()) {
            double value = Double.parseDouble(lag.group(2));
            if (Double.isNaN(value)) {
                continue;
            }
            if (value > 0) {
                return false;
            }
            Matcher processor = PROCESSOR.matcher(lag.group(1));
            catalogue |= processor.find() && processor.group(1).equals(CATALOGUE);
        }
        return catalogue;
    }

    private void report(Map<String, String> postgres, double loadBefore, Side es, long events, int esSent, Side crudSide, long rows,
                        int crudSent) {
        double ratio = es.measured().perSecond() / crudSide.measured().perSecond();
        double p99Ratio = es.measured().percentileMillis(99) / crudSide.measured().percentileMillis(99);
        double esCpu = es.cpuMillisPerCommand(es.cpu().jvmNanos());
        int clients = options.clients();
        Runtime runtime = Runtime.getRuntime();
        List<String> lines = new ArrayList<>(List.of(
                "",
                "== policy-service against a CRUD baseline (issue 18, W1 and W2) ==",
                line("machine", "%d cores; load average %.2f before the run, %.2f after; the cores are shared with anything else"
                        + " running here, so compare runs made under the same load", runtime.availableProcessors(), loadBefore, loadAverage()),
                line("java", "%s; each service in its own JVM with %s flags: %s", Runtime.version(), options.serviceJvm().source(),
                        String.join(" ", options.serviceJvm().options())),
                line("", "this JVM: the HTTP clients, the token issuer, Kafka, the MongoDB-wire server; PostgreSQL in its own processes"),
                line("postgresql", "%s on loopback, fsync=%s, synchronous_commit=%s, full_page_writes=%s, wal_sync_method=%s; data on %s",
                        postgres.get("server_version"), postgres.get("fsync"), postgres.get("synchronous_commit"),
                        postgres.get("full_page_writes"), postgres.get("wal_sync_method"), fileStore(run.dataFolder())),
                line("service settings", options.serviceProperties().isEmpty() ? "as the service configures itself (plus free ports, test issuer, WARN logs)"
                        : "as configured, with " + options.serviceProperties()),
                "",
                "What each side does per command: one of " + clients + " HTTP/1.1 clients (one request at a time each, own keep-alive",
                "connection) POSTs /dossiers/{id}/measures/{mid}/steps with a focal point's RS256 JWT, spread over " + options.dossiers()
                        + " dossiers.",
                "  event-sourced  policy-service (pid " + es.jvm().pid() + "): Spring Security, the controller sends RecordProcedureStep",
                "                 through Axon; the Dossier aggregate (cached, or loaded from its snapshot and events) decides; one",
                "                 ProcedureStepRecorded row appended and committed in one JDBC transaction; 201. In the same JVM the",
                "                 dossier-catalogue projection folds it into MongoDB and the outbox publisher sends it to Kafka.",
                "  CRUD           CrudStepsApplication (pid " + crudSide.jvm().pid() + "): the same Spring Boot web stack and security",
                "                 (service-defaults), the body checked by Bean Validation, one INSERT on an auto-commit connection",
                "                 (one durable commit); 201. No event store, no read model, no outbox.",
                "",
                line("commands", "%d measured on each side (%d and %d sent in all); event-sourced: %d events appended (%.2f per command);"
                                + " CRUD: %d rows", es.measured().operations(), esSent, crudSent, events, events / (double) esSent, rows),
                line("refused", "event-sourced: %s", es.refusals()),
                line("", "CRUD:          %s", crudSide.refusals()),
                line("warm-up", "%s; %s", warmUpLine(es), warmUpLine(crudSide)),
                line("commands/s", "event-sourced %.0f, CRUD %.0f", es.measured().perSecond(), crudSide.measured().perSecond()),
                line("W1 throughput", "ratio %.2f (goal >= %.1f): %s", ratio, GOAL_THROUGHPUT_RATIO, ratio >= GOAL_THROUGHPUT_RATIO ? "MET" : "NOT MET"),
                line("latency ms", "event-sourced p50 %.2f  p99 %.2f  max %.2f", es.measured().percentileMillis(50),
                        es.measured().percentileMillis(99), es.measured().maxMillis()),
                line("", "CRUD          p50 %.2f  p99 %.2f  max %.2f", crudSide.measured().percentileMillis(50),
                        crudSide.measured().percentileMillis(99), crudSide.measured().maxMillis()),
                line("W1 p99", "event-sourced p99 / CRUD p99 = %.2f (goal <= %.1f): %s", p99Ratio, GOAL_P99_RATIO,
                        p99Ratio <= GOAL_P99_RATIO ? "MET" : "NOT MET"),
                line("CPU ms per command", "event-sourced: service JVM %.2f + PostgreSQL %.2f + MongoDB-wire %.2f + Kafka broker %.2f",
                        esCpu, es.cpuMillisPerCommand(es.cpu().postgresNanos()),
                        es.cpuMillisPerCommand(es.here().roleNanos(CpuMeter.MONGODB_SERVER)), es.cpuMillisPerCommand(es.here().roleNanos(CpuMeter.KAFKA_BROKER))),
                line("", "CRUD:          service JVM %.2f + PostgreSQL %.2f  (%d cores: %d ms of CPU per second)",
                        crudSide.cpuMillisPerCommand(crudSide.cpu().jvmNanos()), crudSide.cpuMillisPerCommand(crudSide.cpu().postgresNanos()),
                        runtime.availableProcessors(), runtime.availableProcessors() * 1000),
                line("W2 CPU", "%.2f ms per command in policy-service's JVM, read model included (goal <= %.1f): %s", esCpu, GOAL_CPU_MILLIS,
                        esCpu <= GOAL_CPU_MILLIS ? "MET" : "NOT MET"),
                line("JIT while measuring", "%s; %s", jitLine(es), jitLine(crudSide)),
                line("GC while measuring", "event-sourced %s ms, CRUD %s ms (CPU of the GC and VM threads)", millis(es.cpu().gcMillis() * 1_000_000),
                        millis(crudSide.cpu().gcMillis() * 1_000_000)),
                line("read model", es.catchUpMillis() < 0 ? "the service's event processors had not caught up " + CATCH_UP_LIMIT.toSeconds()
                        + " s after the last command" : "the service's event processors caught up " + es.catchUpMillis()
                        + " ms after the last command (their work is in the CPU above)"),
                line("event-sourced CPU", "ms per command, in policy-service's JVM while measuring, by role:")));
        lines.add(cpuByRole(es));
        lines.add(line("CRUD CPU", "ms per command, in the baseline's JVM while measuring, by role:"));
        lines.add(cpuByRole(crudSide));
        System.out.println(String.join("\n", lines));
    }

    private static String warmUpLine(Side side) {
        if (side.warmUp().isEmpty()) {
            return side.name() + " none";
        }
        Round last = side.warmUp().getLast();
        return String.format(Locale.ROOT, "%s %d round%s of %d, JIT %s of the JVM's CPU in the last%s", side.name(), side.warmUp().size(),
                side.warmUp().size() == 1 ? "" : "s", last.load().operations(), percent(last.jitShare()),
                side.jitQuiet() ? "" : " (NOT quiet: more --warmup or --warmup-rounds)");
    }

    private static String jitLine(Side side) {
        long jit = side.cpu().jitCpuNanos();
        return String.format(Locale.ROOT, "%s %s ms (%.2f ms per command, %s of the JVM's CPU)", side.name(), millis(jit),
                side.cpuMillisPerCommand(jit), percent(jit < 0 || side.cpu().jvmNanos() <= 0 ? Double.NaN : jit / (double) side.cpu().jvmNanos()));
    }

    private static String cpuByRole(Side side) {
        StringBuilder lines = new StringBuilder();
        side.cpu().byRole().forEach((role, nanos) -> {
            double millisPerOperation = side.cpuMillisPerCommand(nanos);
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

    private static String millis(long nanos) {
        return nanos < 0 ? "n/a" : Long.toString(nanos / 1_000_000);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String line(String label, String format, Object... values) {
        return String.format(Locale.ROOT, "%-22s %s", label, String.format(Locale.ROOT, format, values));
    }

    private static void say(String format, Object... values) {
        PolicyServiceRun.say(format, values);
    }

    private static void requireNoFailure(String phase, ConcurrentLoad.Result result, ServiceJvm jvm) {
        if (result.failures() > 0) {
            System.err.println(jvm.logTail());
            throw new IllegalStateException(phase + ": " + result.failures() + " operations failed; first: " + result.firstFailure());
        }
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

    /** Stops the services, then the servers, then deletes the data; safe to call twice (normal end and Ctrl-C). */
    private synchronized void stopEverything() {
        for (ServiceJvm jvm : new ServiceJvm[] {policy, crud}) {
            if (jvm != null) {
                jvm.close();
            }
        }
        if (run != null) {
            run.close();
        }
    }
}
