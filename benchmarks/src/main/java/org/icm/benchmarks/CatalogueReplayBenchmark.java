package org.icm.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.dossier.DossierCommand;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18's W3: how fast the dossier catalogue is rebuilt from the event store, next to raw MongoDB writes of as many
 * documents of the same size, in one run. A program that prints figures, not a test. See {@code benchmarks/README.md}.
 *
 * <ol>
 *   <li>Starts the embedded infrastructure and policy-service in this JVM ({@link PolicyServiceRun}).</li>
 *   <li>Fills the event store through the command bus (4 threads, a focal point's audit data): the wanted number of
 *       events over the wanted number of dossiers (measures, procedure steps, edits, rights, recommendations and
 *       their revisions), and waits until the catalogue has folded them all; keeps its documents.</li>
 *   <li>Replays the catalogue (its processor stopped, its tokens reset, started: the reset handler empties it) and
 *       times it until every dossier is back at its last event; checks the documents equal those before.</li>
 *   <li>Raw side: one thread writes as many documents as there are events (one {@code replaceOne} upsert each, the
 *       catalogue's own documents cycled under other ids, into another collection of the same server).</li>
 *   <li>Prints both rates, their ratio (goal at least 0.5), and the CPU this JVM used per event for each.</li>
 * </ol>
 */
public final class CatalogueReplayBenchmark {

    static final double GOAL = 0.5;
    private static final List<ProcedureStage> STAGES = Arrays.stream(ProcedureStage.values()).filter(stage -> !stage.isExit()).toList();
    private static final List<String> RIGHTS = List.of("UNCRC-3", "UNCRC-22", "UNCRC-37", "CHARTER-24", "ECHR-5");
    private static final String WORDS = "children in migration must be protected by guardianship, legal aid, family tracing and "
            + "alternatives to detention in every Member State ";
    private static final int WRITERS = 4;

    private final int events;
    private final int dossiers;
    private final Map<String, String> serviceProperties;
    private PolicyServiceRun run;

    private CatalogueReplayBenchmark(int events, int dossiers, Map<String, String> serviceProperties) {
        this.events = events;
        this.dossiers = dossiers;
        this.serviceProperties = serviceProperties;
    }

    public static void main(String[] args) {
        int events = 100_000;
        int dossiers = 500;
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring("--events=".length()));
            } else if (arg.startsWith("--dossiers=")) {
                dossiers = Integer.parseInt(arg.substring("--dossiers=".length()));
            } else if (arg.startsWith("--") && arg.contains(".") && arg.indexOf('=') > arg.indexOf('.')) {
                serviceProperties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isBlank()) {
                System.err.println("usage: CatalogueReplayBenchmark [--events=100000] [--dossiers=500] [--<spring.property>=<value> ...]");
                System.exit(2);
            }
        }
        if (events < dossiers * 10) {
            System.err.println("--events must be at least 10 per dossier");
            System.exit(2);
        }
        CatalogueReplayBenchmark benchmark = new CatalogueReplayBenchmark(events, dossiers, serviceProperties);
        PolicyServiceRun.exitWith(benchmark::run, () -> benchmark.run);
    }

    private int run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        run = PolicyServiceRun.start(serviceProperties);
        MongoCollection<Document> catalogue = run.service().getBean(MongoTemplate.class).getCollection("dossiers");
        StreamingEventProcessor processor = run.service().getBean(EventProcessingConfiguration.class)
                .eventProcessor(DossierCatalogue.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        fill();
        awaitFolded(processor, catalogue, Duration.ofMinutes(30));
        List<Document> before = everything(catalogue);
        CpuMeter cpu = new CpuMeter(run.dataFolder().resolve("postgres"));

        PolicyServiceRun.say("replaying the dossier catalogue from %d stored events ...", events);
        CpuMeter.Sample replayStart = cpu.sample();
        long begin = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitFolded(processor, catalogue, Duration.ofMinutes(30));
        long replayNanos = System.nanoTime() - begin;
        CpuMeter.Sample replayCpu = cpu.sample().minus(replayStart);
        boolean equal = everything(catalogue).equals(before);

        PolicyServiceRun.say("raw side: %d replaceOne upserts of the catalogue's documents ...", events);
        MongoCollection<Document> raw = run.service().getBean(MongoTemplate.class).getCollection("dossiers_raw_benchmark");
        rawWrites(raw, before, Math.min(events / 10, 5_000)); // warm-up
        raw.deleteMany(new Document());
        CpuMeter.Sample rawStart = cpu.sample();
        begin = System.nanoTime();
        rawWrites(raw, before, events);
        long rawNanos = System.nanoTime() - begin;
        CpuMeter.Sample rawCpu = cpu.sample().minus(rawStart);

        double replayRate = events / (replayNanos / 1e9);
        double rawRate = events / (rawNanos / 1e9);
        System.out.println(String.join("\n",
                "",
                "== dossier catalogue replay benchmark (issue 18, W3) ==",
                line("machine", "%d cores; load average %.2f before, %.2f after (shared: compare runs under the same load)",
                        Runtime.getRuntime().availableProcessors(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                line("history", "%d events over %d dossiers; catalogue batch size %s", events, dossiers,
                        run.service().getEnvironment().getProperty("axon.eventhandling.processors.dossier-catalogue.batch-size", "1")),
                line("replay", "%8.0f events/s  (%.1f s)  CPU in this JVM %.3f ms per event (JIT %d ms, GC %d ms meanwhile)",
                        replayRate, replayNanos / 1e9, replayCpu.jvmNanos() / 1e6 / events, replayCpu.jitMillis(), replayCpu.gcMillis()),
                line("raw writes", "%8.0f writes/s  (%.1f s)  CPU in this JVM %.3f ms per write; one replaceOne upsert each, one thread",
                        rawRate, rawNanos / 1e9, rawCpu.jvmNanos() / 1e6 / events),
                line("same documents", "%s (%d documents after the replay against %d before)", equal ? "yes" : "NO", everything(catalogue).size(),
                        before.size()),
                line("goal W3", "replay >= %.2f of the raw write rate: %s (ratio %.2f)", GOAL, replayRate / rawRate >= GOAL ? "MET" : "NOT MET",
                        replayRate / rawRate)));
        System.out.println("replay CPU by role (ms per event):");
        replayCpu.byRole().forEach((role, nanos) -> System.out.printf(Locale.ROOT, "  %7.3f  %s%n", nanos / 1e6 / events, role));
        return equal ? 0 : 1;
    }

    /** The events, through the command bus, spread over the dossiers; each writer thread curates its own dossiers. */
    private void fill() throws Exception {
        CommandGateway commands = run.service().getBean(CommandGateway.class);
        Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));
        AtomicInteger sent = new AtomicInteger();
        long begin = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int first = writer;
            done.add(writers.submit(() -> {
                for (int dossier = first; dossier < dossiers; dossier += WRITERS) {
                    int share = events / dossiers + (dossier < events % dossiers ? 1 : 0);
                    curate(commands, focalPoint, share);
                    int total = sent.addAndGet(share);
                    if (total / 10_000 != (total - share) / 10_000) {
                        PolicyServiceRun.say("stored %d events", total);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        PolicyServiceRun.say("stored %d events over %d dossiers in %.1f s", sent.get(), dossiers, (System.nanoTime() - begin) / 1e9);
    }

    /** One dossier of {@code share} events: opened, three measures, one recommendation, then steps, edits, rights, revisions. */
    private static void curate(CommandGateway commands, Actor focalPoint, int share) {
        String dossier = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now();
        List<String> measures = new ArrayList<>();
        List<String> tagged = new ArrayList<>();
        String recommendation = UUID.randomUUID().toString();
        send(commands, focalPoint, new DossierCommand.OpenDossier(dossier, "Dossier " + dossier.substring(0, 8), PolicyArea.ASYLUM,
                "A dossier of the replay benchmark", focalPoint.organisation().toString()));
        for (int n = 1; n < share; n++) {
            DossierCommand command;
            if (n <= 3) {
                String measure = UUID.randomUUID().toString();
                measures.add(measure);
                command = new DossierCommand.AddMeasure(dossier, null, measure, "Measure " + n, MeasureType.REGULATION,
                        "2016/" + (1000 + n) + "(COD)", null, null, null);
            } else if (n == 4) {
                command = new DossierCommand.DraftRecommendation(dossier, null, recommendation, WORDS, Set.of(Addressee.COUNCIL), List.of(measures.get(0)));
            } else {
                command = switch (n % 5) {
                    case 0, 1 -> new DossierCommand.RecordProcedureStep(dossier, null, measures.get(n % 3), UUID.randomUUID().toString(),
                            STAGES.get(n % STAGES.size()), LocalDate.of(2010, 1, 1).plusDays(n), "step " + n, null, today);
                    case 2 -> new DossierCommand.ReviseRecommendation(dossier, null, recommendation, WORDS.substring(n % 40) + " revision " + n);
                    case 3 -> {
                        String right = RIGHTS.get((n / 5) % RIGHTS.size());
                        yield tagged.remove(right) ? new DossierCommand.UntagRight(dossier, null, right)
                                : tagged.add(right) ? new DossierCommand.TagRight(dossier, null, right, "at stake " + n) : null;
                    }
                    default -> new DossierCommand.EditDossier(dossier, null, "Dossier " + dossier.substring(0, 8), PolicyArea.ASYLUM,
                            "A dossier of the replay benchmark, summary " + n);
                };
            }
            send(commands, focalPoint, command);
        }
    }

    private static void send(CommandGateway commands, Actor actor, DossierCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, null)));
    }

    /**
     * Waits until the catalogue holds every dossier at its last event (versions count from 0). The processor's own status
     * is asked first, often (in memory); the documents are read only once it says it caught up: reading them all is
     * costly on the MongoDB-wire server and would be counted in the replay's CPU.
     */
    private void awaitFolded(StreamingEventProcessor processor, MongoCollection<Document> catalogue, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            var segments = processor.processingStatus().values();
            if (segments.isEmpty() || segments.stream().anyMatch(status -> !status.isCaughtUp())) {
                Thread.sleep(20);
                continue;
            }
            long folded = 0;
            long documents = 0;
            for (Document doc : catalogue.find().projection(new Document("version", 1))) {
                folded += doc.get("version", Number.class).longValue() + 1;
                documents++;
            }
            if (documents == dossiers && folded == events) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the catalogue did not fold every event within " + atMost);
    }

    private static List<Document> everything(MongoCollection<Document> catalogue) {
        List<Document> documents = new ArrayList<>();
        catalogue.find().sort(new Document("_id", 1)).forEach(documents::add);
        return documents;
    }

    private static void rawWrites(MongoCollection<Document> raw, List<Document> documents, int writes) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (int i = 0; i < writes; i++) {
            Document source = documents.get(i % documents.size());
            Document copy = new Document(source);
            copy.put("_id", "raw-" + (i % documents.size()));
            copy.put("version", i);
            raw.replaceOne(Filters.eq("_id", copy.get("_id")), copy, upsert);
        }
    }

    private static String line(String label, String format, Object... values) {
        return String.format(Locale.ROOT, "%-16s %s", label, String.format(Locale.ROOT, format, values));
    }
}
