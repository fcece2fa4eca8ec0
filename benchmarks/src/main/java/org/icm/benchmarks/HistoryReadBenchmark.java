package org.icm.benchmarks;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierCommand;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.history.DossierHistory;
import org.icm.policy.history.HistorySnapshots;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;

/**
 * How fast the history of one long dossier is rebuilt, next to reading the same events raw from the event store,
 * in one run on one machine. A program that prints figures, not a test. See {@code benchmarks/README.md}.
 *
 * <ol>
 *   <li>Starts the embedded infrastructure and policy-service in this JVM ({@link PolicyServiceRun}).</li>
 *   <li>Curates one dossier through the service's command bus (in-process, with a focal point's audit data) until
 *       its stream holds the wanted number of events: measures, procedure steps and corrections, recommendation
 *       revisions, rights tagged and untagged, edits.</li>
 *   <li>Measures, round after round, in turns: the raw read (one JDBC query selecting every column of the
 *       dossier's rows, all bytes read); the as-of rebuild from the first event (no kept states, the cold case);
 *       the as-of rebuild with the kept states the history writes every {@code icm.history.snapshot-interval}
 *       events (now, and an instant in the middle); a first timeline page (50 entries and the total, which walks
 *       the whole stream and diffs every change).</li>
 *   <li>Prints the median rates (events of the dossier per second) and their ratios to the raw read.</li>
 * </ol>
 */
public final class HistoryReadBenchmark {

    static final double GOAL = 0.7;
    private static final List<ProcedureStage> STAGES = Arrays.stream(ProcedureStage.values()).filter(stage -> !stage.isExit()).toList();
    private static final List<String> RIGHTS = List.of("UNCRC-3", "UNCRC-22", "UNCRC-37", "CHARTER-24", "ECHR-5");
    private static final int MEASURES = 20;
    private static final int RECOMMENDATIONS = 10;
    private static final String WORDS = "children in migration must be protected by guardianship, legal aid, family tracing and "
            + "alternatives to detention in every Member State ";

    private final int events;
    private final int rounds;
    private final Map<String, String> serviceProperties;
    private PolicyServiceRun run;

    private HistoryReadBenchmark(int events, int rounds, Map<String, String> serviceProperties) {
        this.events = events;
        this.rounds = rounds;
        this.serviceProperties = serviceProperties;
    }

    public static void main(String[] args) {
        int events = 10_000;
        int rounds = 7;
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring("--events=".length()));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else if (arg.startsWith("--") && arg.indexOf('=') > arg.indexOf('.') && arg.contains(".")) {
                serviceProperties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isBlank()) {
                System.err.println("usage: HistoryReadBenchmark [--events=10000] [--rounds=7] [--<spring.property>=<value> ...]");
                System.exit(2);
            }
        }
        HistoryReadBenchmark benchmark = new HistoryReadBenchmark(events, rounds, serviceProperties);
        PolicyServiceRun.exitWith(benchmark::run, () -> benchmark.run);
    }

    private int run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        run = PolicyServiceRun.start(serviceProperties);
        String dossier = curate();
        DossierHistory history = run.service().getBean(DossierHistory.class);
        HistorySnapshots keptStates = run.service().getBean(HistorySnapshots.class);
        int interval = run.service().getEnvironment().getProperty("icm.history.snapshot-interval", Integer.class, 1000);
        Instant middle = recordedAt(dossier, events / 2);

        List<Long> raw = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> keptNow = new ArrayList<>();
        List<Long> keptMiddle = new ArrayList<>();
        List<Long> timeline = new ArrayList<>();
        long[] check = new long[4];
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up
            boolean measured = round >= 0;
            time(measured ? raw : null, () -> check[0] = rawRead(dossier));
            keptStates.forget(dossier);
            time(measured ? cold : null, () -> check[1] = history.asOf(dossier, null).version() + 1);
            time(measured ? keptNow : null, () -> check[2] = history.asOf(dossier, null).version() + 1);
            time(measured ? keptMiddle : null, () -> history.asOf(dossier, middle));
            time(measured ? timeline : null, () -> check[3] = history.timelinePage(dossier, entry -> true, 0, 50).total());
        }
        if (check[0] != events || check[1] != events || check[2] != events || check[3] != events) {
            System.out.printf("NOT A VALID MEASUREMENT: expected %d events everywhere, read raw %d, folded %d and %d, timeline total %d%n",
                    events, check[0], check[1], check[2], check[3]);
            return 1;
        }
        double rawRate = rate(raw);
        String out = String.join("\n",
                "",
                "== dossier history benchmark ==",
                line("machine", "%d cores; load average %.2f before, %.2f after (shared: compare runs under the same load)",
                        Runtime.getRuntime().availableProcessors(), loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                line("dossier", "%d events (%d measures, %d recommendations, steps, corrections, revisions, rights, edits)",
                        events, MEASURES, RECOMMENDATIONS),
                line("rounds", "%d measured after 2 warm-up; medians below; rate = the dossier's events / time of one operation", rounds),
                line("raw read", "%8.0f events/s  (%6.1f ms)  one JDBC query, every column of the dossier's rows", rawRate, median(raw) / 1e6),
                line("as-of, cold", "%8.0f events/s  (%6.1f ms)  ratio %.2f  from the first event: Axon reads, deserialises, folds",
                        rate(cold), median(cold) / 1e6, rate(cold) / rawRate),
                line("as-of, kept states", "%8.0f events/s  (%6.1f ms)  ratio %.2f  now: the latest kept state (every %d events) + the rest",
                        rate(keptNow), median(keptNow) / 1e6, rate(keptNow) / rawRate, interval),
                line("as-of middle, kept", "%8.0f events/s  (%6.1f ms)  ratio %.2f  at the instant of event %d",
                        rate(keptMiddle), median(keptMiddle) / 1e6, rate(keptMiddle) / rawRate, events / 2),
                line("timeline page", "%8.0f events/s  (%6.1f ms)  ratio %.2f  first 50 entries + total: folds and diffs every change",
                        rate(timeline), median(timeline) / 1e6, rate(timeline) / rawRate),
                line("goal", "as-of rebuild >= %.2f of the raw read: %s with kept states (%.2f), %s from the first event (%.2f)", GOAL,
                        rate(keptNow) / rawRate >= GOAL ? "MET" : "NOT MET", rate(keptNow) / rawRate,
                        rate(cold) / rawRate >= GOAL ? "met" : "not met", rate(cold) / rawRate));
        System.out.println(out);
        return 0;
    }

    /** One dossier with the wanted number of events, through the command bus as a focal point. */
    private String curate() {
        CommandGateway commands = run.service().getBean(CommandGateway.class);
        Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));
        String dossier = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now();
        List<String> measures = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        List<String[]> steps = new ArrayList<>(); // measure id, step id
        Set<String> tagged = new HashSet<>();
        long begin = System.nanoTime();
        int sent = 0;
        send(commands, focalPoint, new DossierCommand.OpenDossier(dossier, "Pact on Migration and Asylum", PolicyArea.ASYLUM,
                "The 2024 reform of the Common European Asylum System", focalPoint.organisation().toString()));
        for (sent = 1; sent < events; sent++) {
            int n = sent;
            DossierCommand command;
            if (measures.size() < MEASURES) {
                String measure = UUID.randomUUID().toString();
                measures.add(measure);
                command = new DossierCommand.AddMeasure(dossier, null, measure, "Measure " + measures.size(), MeasureType.REGULATION,
                        "2016/" + (1000 + measures.size()) + "(COD)", null, null, null);
            } else if (recommendations.size() < RECOMMENDATIONS) {
                String recommendation = UUID.randomUUID().toString();
                recommendations.add(recommendation);
                command = new DossierCommand.DraftRecommendation(dossier, null, recommendation, WORDS, Set.of(Addressee.COUNCIL),
                        List.of(measures.get(recommendations.size() - 1)));
            } else {
                command = switch (n % 10) {
                    case 0, 1, 2, 3 -> {
                        String measure = measures.get(n % MEASURES);
                        String step = UUID.randomUUID().toString();
                        steps.add(new String[] {measure, step});
                        yield new DossierCommand.RecordProcedureStep(dossier, null, measure, step, STAGES.get(n % STAGES.size()),
                                LocalDate.of(2010, 1, 1).plusDays(n % 5_000), "step " + n, null, today);
                    }
                    case 4 -> {
                        String[] step = steps.get(n % steps.size());
                        yield new DossierCommand.CorrectProcedureStep(dossier, null, step[0], step[1], STAGES.get((n / 10) % STAGES.size()),
                                LocalDate.of(2011, 1, 1).plusDays(n % 4_000), "corrected", null, "recorded on the wrong day", today);
                    }
                    case 5, 6, 7 -> new DossierCommand.ReviseRecommendation(dossier, null, recommendations.get(n % RECOMMENDATIONS),
                            WORDS.substring(n % 40) + " revision " + n);
                    case 8 -> {
                        String right = RIGHTS.get((n / 10) % RIGHTS.size());
                        yield tagged.remove(right) ? new DossierCommand.UntagRight(dossier, null, right)
                                : tagged.add(right) ? new DossierCommand.TagRight(dossier, null, right, "at stake " + n) : null;
                    }
                    default -> new DossierCommand.EditDossier(dossier, null, "Pact on Migration and Asylum", PolicyArea.ASYLUM,
                            "The 2024 reform, summary " + n);
                };
            }
            send(commands, focalPoint, command);
            if (n % 2_000 == 0) {
                PolicyServiceRun.say("curated %d events", n);
            }
        }
        PolicyServiceRun.say("curated one dossier of %d events in %.1f s", sent, (System.nanoTime() - begin) / 1e9);
        return dossier;
    }

    private static void send(CommandGateway commands, Actor actor, DossierCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, null)));
    }

    private long rawRead(String dossier) {
        try (Connection connection = run.connect(); PreparedStatement select = connection.prepareStatement(
                "select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number")) {
            select.setString(1, dossier);
            select.setFetchSize(1_000);
            long rows = 0;
            long bytes = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows++;
                    bytes += result.getString(2).length() + result.getString(5).length() + result.getString(6).length()
                            + result.getString(7).length() + result.getBytes(9).length + result.getBytes(10).length;
                }
            }
            return bytes > 0 ? rows : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant recordedAt(String dossier, long sequence) throws SQLException {
        try (Connection connection = run.connect(); PreparedStatement select = connection.prepareStatement(
                "select time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = ?")) {
            select.setString(1, dossier);
            select.setLong(2, sequence);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return Instant.parse(result.getString(1));
            }
        }
    }

    private static void time(List<Long> into, Runnable operation) {
        long begin = System.nanoTime();
        operation.run();
        long nanos = System.nanoTime() - begin;
        if (into != null) {
            into.add(nanos);
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private double rate(List<Long> nanos) {
        return events / (median(nanos) / 1e9);
    }

    private static String line(String label, String format, Object... values) {
        return String.format(Locale.ROOT, "%-20s %s", label, String.format(Locale.ROOT, format, values));
    }
}
