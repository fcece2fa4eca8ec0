package org.icm.policy.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.dossier.DossierCommand;
import org.icm.policy.dossier.DossierCommand.*;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.DossierState.Step;
import org.icm.service.rules.RuleViolation;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A generated test of the history: many random sequences of valid commands are sent to dossiers; after each
 * command the test notes the instant and the state the platform then showed (the catalogue's read model once it
 * has caught up with the command). Afterwards, for every noted instant, {@link DossierHistory#asOf} must give
 * exactly that state and version; and for pairs of noted instants (adjacent, distant, backwards, equal), the
 * changes of {@link DossierHistory#diff}, applied as a JSON Patch (added, removed, changed as add, remove,
 * replace with the new value), must turn the first state into the second, each removed or changed value being
 * the one that stood at its path. And the timeline of a period (after one noted instant, up to another or to now) must be
 * exactly the entries of the whole timeline recorded in it, though it folds the earlier events silently (from a kept
 * state, when there is one by then).
 *
 * <p>The normal suite runs a fixed seed: {@value #DEFAULT_SEQUENCES} sequences of {@value #DEFAULT_COMMANDS} commands,
 * side by side (each command waits until the catalogue has it; several dossiers wait together). To run it longer, or
 * with another seed (surefire
 * passes {@code -D} properties of the Maven command line on to the test JVM):
 *
 * <pre>
 * ./mvnw -pl policy-service -am test -Dtest=HistoryPropertyTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dicm.history.sequences=200 -Dicm.history.commands=50 -Dicm.history.seed=random
 * </pre>
 *
 * <ul>
 *   <li>{@code icm.history.seed}: a number, or {@code random}; the seed in use is printed at the start;</li>
 *   <li>{@code icm.history.sequences}: how many dossiers (default {@value #DEFAULT_SEQUENCES});</li>
 *   <li>{@code icm.history.commands}: commands per dossier, opening included (default {@value #DEFAULT_COMMANDS});</li>
 *   <li>{@code icm.history.parallel}: dossiers at a time (default {@value #DEFAULT_PARALLEL});</li>
 *   <li>{@code icm.history.sequence}: only this one sequence of the seed, to reproduce a failure.</li>
 * </ul>
 *
 * A failure names the seed and the sequence, the command that runs that sequence again, and the commands it sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryPropertyTest {

    static final long DEFAULT_SEED = 20_240_410L;
    static final int DEFAULT_SEQUENCES = 12;
    static final int DEFAULT_COMMANDS = 16;
    static final int DEFAULT_PARALLEL = 12;

    /** The first day an effective date may fall on; the last is {@link #TODAY}. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /**
     * The day the commands say it is (the aggregate reads no clock; it judges "not in the future" by the command's
     * {@code today}): fixed, so that a seed makes the same commands on any day.
     */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Autowired
    CommandGateway commands;
    @Autowired
    DossierHistory history;
    @Autowired
    DossierCatalogue catalogue;
    @Autowired
    ObjectMapper json;

    final Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));
    final LongAdder sendingNanos = new LongAdder();
    final LongAdder awaitingNanos = new LongAdder();
    /** How often each kind of command was sent, to see what a run covered. */
    final Map<String, LongAdder> sent = new ConcurrentSkipListMap<>();

    /** One noted moment: the version the command answered, the instant after it returned, the state then shown. */
    record Capture(long version, Instant at, DossierState state, DossierCommand command) {
    }

    @Test
    void asOfShowsWhatWasShownAndDiffsTurnEachStateIntoTheOther() throws InterruptedException {
        long seed = seed();
        int sequences = Integer.getInteger("icm.history.sequences", DEFAULT_SEQUENCES);
        int length = Integer.getInteger("icm.history.commands", DEFAULT_COMMANDS);
        int parallel = Integer.getInteger("icm.history.parallel", DEFAULT_PARALLEL);
        Integer only = Integer.getInteger("icm.history.sequence");
        List<Integer> indexes = only != null ? List.of(only) : IntStream.range(0, sequences).boxed().toList();
        System.out.printf("HistoryPropertyTest: seed=%d sequences=%d commands=%d parallel=%d%s%n", seed, sequences, length, parallel,
                only == null ? "" : " sequence=" + only);
        long started = System.nanoTime();
        // the catalogue catches up in rounds (its processor polls); sequences on several dossiers wait for it side by side
        List<Future<int[]>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, indexes.size())))) {
            for (int index : indexes) {
                runs.add(pool.submit(() -> run(seed, index, length)));
            }
        }
        int checkedInstants = 0;
        int checkedDiffs = 0;
        List<Throwable> failures = new ArrayList<>();
        for (Future<int[]> run : runs) {
            try {
                checkedInstants += run.get()[0];
                checkedDiffs += run.get()[1];
            } catch (ExecutionException failed) {
                failures.add(failed.getCause());
            }
        }
        if (!failures.isEmpty()) {
            AssertionError first = new AssertionError(failures.size() + " of " + indexes.size() + " sequences failed (seed " + seed
                    + "); the first: " + failures.getFirst().getMessage(), failures.getFirst());
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        System.out.printf("HistoryPropertyTest: seed=%d: %d sequences of %d commands, %d as-of instants and %d diffs checked in %d ms"
                        + " (sending %d ms, awaiting the catalogue %d ms, over all sequences)%n", seed, indexes.size(), length,
                checkedInstants, checkedDiffs, (System.nanoTime() - started) / 1_000_000, sendingNanos.sum() / 1_000_000,
                awaitingNanos.sum() / 1_000_000);
        System.out.println("HistoryPropertyTest: commands sent: " + sent);
    }

    private static String kind(DossierCommand command) {
        String kind = command.getClass().getSimpleName();
        return switch (command) {
            case RecordProcedureStep step when step.stage().isExit() -> kind + "(exit)";
            case CorrectProcedureStep step when step.stage().isExit() -> kind + "(to exit)";
            case MoveRecommendationStatus move -> kind + "(" + move.status() + ")";
            default -> kind;
        };
    }

    /** One sequence, from its own random numbers: the same seed and index make the same commands. */
    private int[] run(long seed, int index, int length) {
        Run run = new Run(new Random(new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextLong()));
        try {
            run.send(length);
            int[] checked = {run.checkAsOf(), run.checkDiffs()};
            run.checkTimelinesOfPeriods();
            return checked;
        } catch (Throwable failure) {
            throw new AssertionError(String.format(
                    "sequence %d of seed %d failed: %s%nreproduce: ./mvnw -pl policy-service -am test -Dtest=HistoryPropertyTest"
                            + " -Dsurefire.failIfNoSpecifiedTests=false -Dicm.history.seed=%d -Dicm.history.sequence=%d"
                            + " -Dicm.history.commands=%d%ndossier %s, commands sent:%n%s",
                    index, seed, failure.getMessage(), seed, index, length, run.dossierId, run.log()), failure);
        }
    }

    /**
     * Record time has millisecond resolution: Axon's JDBC event store keeps event timestamps to the millisecond, so an
     * event recorded 0.3 ms after an instant in the same millisecond is, for the history, recorded at or before it.
     * Sending the next command only in a later millisecond than the instant noted before it keeps its event after it.
     */
    private static void awaitLaterMillisecond(Instant instant) {
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
            Thread.onSpinWait();
        }
    }

    private static long seed() {
        String value = System.getProperty("icm.history.seed");
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        return value.strip().equalsIgnoreCase("random") ? new Random().nextLong() : Long.parseLong(value.strip());
    }

    /** One sequence: a dossier, the commands sent to it, and what was noted after each. */
    final class Run {

        final Random random;
        final LocalDate today = TODAY;
        final String dossierId = UUID.randomUUID().toString();
        final List<Capture> captures = new ArrayList<>();
        /** The states as of each noted instant, by version. */
        final List<DossierState> pastStates = new ArrayList<>();
        final List<String> organisations = List.of(OrganisationId.random().toString(), OrganisationId.random().toString(),
                OrganisationId.random().toString(), OrganisationId.random().toString());
        Instant beforeOpening;
        int procedureNumbers = 0;

        Run(Random random) {
            this.random = random;
        }

        void send(int length) {
            beforeOpening = Instant.now();
            apply(new OpenDossier(dossierId, text(2, 8), pick(PolicyArea.values()), chance(0.7) ? text(5, 30) : null,
                    organisations.getFirst()));
            for (int i = 1; i < length; i++) {
                boolean last = i == length - 1;
                apply(last && chance(0.3) ? new ArchiveDossier(dossierId, version()) : next());
            }
        }

        /** Sends the command, notes the instant after it returned and the state the catalogue then shows. */
        void apply(DossierCommand command) {
            awaitLaterMillisecond(captures.isEmpty() ? beforeOpening : captures.getLast().at());
            Object result;
            long sending = System.nanoTime();
            try {
                result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(AuditMetaData.of(focalPoint, chance(0.2) ? "property test" : null)));
            } catch (RuntimeException refused) {
                captures.add(new Capture(-2, null, null, command)); // shows the refused command last in the log
                throw new AssertionError((refused instanceof RuleViolation violation
                        ? "the generator made a command the dossier refuses (" + violation.code() + "): "
                        : "the command failed: ") + refused, refused);
            }
            Instant at = Instant.now();
            long awaiting = System.nanoTime();
            sendingNanos.add(awaiting - sending);
            long version = result instanceof Number number ? number.longValue() : 0L;
            assertThat(version).as("version answered by %s", command).isEqualTo(captures.size());
            DossierState shown = Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> catalogue.find(dossierId).filter(view -> view.version() == version).map(DossierView::state),
                            Optional::isPresent)
                    .orElseThrow();
            awaitingNanos.add(System.nanoTime() - awaiting);
            sent.computeIfAbsent(kind(command), k -> new LongAdder()).increment();
            captures.add(new Capture(version, at, shown, command));
        }

        int checkAsOf() {
            DossierHistory.Snapshot before = history.asOf(dossierId, beforeOpening);
            assertThat(before.version()).as("version before the dossier was opened").isEqualTo(-1);
            assertThat(before.state()).isEqualTo(DossierState.NONE);
            for (Capture capture : captures) {
                DossierHistory.Snapshot snapshot = history.asOf(dossierId, capture.at());
                pastStates.add(snapshot.state());
                if (snapshot.version() != capture.version() || !snapshot.state().equals(capture.state())) {
                    fail("as of %s (after %s) the history shows version %d:%n%s%nbut the platform showed version %d:%n%s", capture.at(),
                            capture.command(), snapshot.version(), pretty(snapshot.state()), capture.version(), pretty(capture.state()));
                }
            }
            return captures.size();
        }

        void checkTimelinesOfPeriods() {
            List<TimelineEntry> whole = new ArrayList<>();
            history.timeline(dossierId, whole::add);
            List<Instant> instants = new ArrayList<>();
            instants.add(beforeOpening);
            captures.forEach(capture -> instants.add(capture.at()));
            for (int i = 0; i < instants.size(); i++) {
                Instant after = instants.get(i);
                Instant until = random.nextBoolean() ? null : instants.get(i + random.nextInt(instants.size() - i));
                List<TimelineEntry> period = new ArrayList<>();
                history.timeline(dossierId, after, until, period::add);
                assertThat(period).as("the timeline after %s up to %s", after, until).isEqualTo(whole.stream()
                        .filter(entry -> entry.recordedAt().isAfter(after) && (until == null || !entry.recordedAt().isAfter(until))).toList());
            }
        }

        int checkDiffs() {
            int last = captures.size() - 1;
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < last; i++) {
                pairs.add(new int[] {i, i + 1});
            }
            pairs.add(new int[] {0, last});
            pairs.add(new int[] {last, 0});
            pairs.add(new int[] {last, last});
            for (int i = 0; i < captures.size(); i++) {
                pairs.add(new int[] {random.nextInt(captures.size()), random.nextInt(captures.size())});
            }
            for (int[] pair : pairs) {
                checkDiff(pastStates.get(pair[0]), pastStates.get(pair[1]), "from version " + pair[0] + " to version " + pair[1]);
            }
            return pairs.size();
        }

        /** Applies the changes one by one as JSON Patch operations; each old value must be the value that stood there. */
        void checkDiff(DossierState from, DossierState to, String which) {
            List<Change> changes = history.diff(from, to);
            JsonNode patched = json.valueToTree(from);
            for (Change change : changes) {
                ObjectNode operation = json.createObjectNode().put("path", change.path());
                switch (change.change()) {
                    case "added" -> operation.put("op", "add").set("value", tree(change.newValue()));
                    case "removed" -> operation.put("op", "remove");
                    case "changed" -> operation.put("op", "replace").set("value", tree(change.newValue()));
                    default -> fail("diff %s: unknown kind of change %s", which, change);
                }
                if (!change.change().equals("added")) {
                    assertThat(patched.at(change.path())).as("diff %s: the old value of %s%nall changes: %s", which, change, changes)
                            .isEqualTo(tree(change.oldValue()));
                } else {
                    assertThat(change.oldValue()).as("diff %s: %s", which, change).isNull();
                }
                ArrayNode patch = json.createArrayNode().add(operation);
                patched = JsonPatch.apply(patch, patched);
            }
            JsonNode expected = json.valueToTree(to);
            if (!patched.equals(expected)) {
                fail("diff %s: applying the changes%n%s%nto%n%s%ngives%n%s%nand not%n%s", which, changes, pretty(from),
                        pretty(patched), pretty(expected));
            }
            if (from.equals(to)) {
                assertThat(changes).as("diff %s between equal states", which).isEmpty();
            }
        }

        String log() {
            StringBuilder log = new StringBuilder();
            for (Capture capture : captures) {
                log.append(capture.version() == -2 ? "  REFUSED " : "  " + capture.version() + " ").append(capture.command()).append('\n');
            }
            return log.toString();
        }

        // ---- the generator: a random command that the current state allows ----

        long version() {
            return captures.getLast().version();
        }

        DossierState state() {
            return captures.getLast().state();
        }

        DossierCommand next() {
            for (int attempt = 0; attempt < 100; attempt++) {
                int recommendations = state().recommendations().size();
                DossierCommand command = weighted(List.of(
                        option(2, this::editDossier),
                        option(2, this::toggleVisibility),
                        option(state().measures().size() < 4 ? 4 : 1, this::addMeasure),
                        option(2, this::editMeasure),
                        option(8, this::recordStep),
                        option(4, this::correctStep),
                        option(2, this::setKeyDates),
                        option(2, this::tagRight),
                        option(1, this::untagRight),
                        option(recommendations == 0 ? 5 : recommendations < 3 ? 2 : 0, this::draftRecommendation),
                        option(3, this::reviseRecommendation),
                        option(2, this::changeAddressees),
                        option(2, this::linkMeasure),
                        option(2, this::unlinkMeasure),
                        option(8, this::moveStatus),
                        option(2, this::recordOutcome),
                        option(4, this::endorse),
                        option(2, this::withdrawEndorsement)));
                if (command != null) {
                    return command;
                }
            }
            throw new IllegalStateException("the generator found no command for " + state());
        }

        DossierCommand editDossier() {
            DossierState state = state();
            EditDossier edit = new EditDossier(dossierId, version(), chance(0.7) ? text(2, 8) : state.title(),
                    chance(0.3) ? pick(PolicyArea.values()) : state.policyArea(), chance(0.2) ? null : text(5, 30));
            // a command that changes nothing records nothing (tested in DossierLifecycleTest): this test follows changes
            return edit.title().equals(state.title()) && edit.policyArea() == state.policyArea()
                    && Objects.equals(edit.summary(), state.summary()) ? null : edit;
        }

        DossierCommand toggleVisibility() {
            return state().visibility() == Visibility.DRAFT ? new PublishDossier(dossierId, version())
                    : new ReturnDossierToDraft(dossierId, version());
        }

        DossierCommand addMeasure() {
            return new AddMeasure(dossierId, version(), UUID.randomUUID().toString(), text(2, 10), pick(MeasureType.values()),
                    chance(0.7) ? newProcedureReference() : null, chance(0.4) ? comReference() : null, chance(0.3) ? celexNumber() : null,
                    chance(0.2) ? text(3, 10) : null);
        }

        DossierCommand editMeasure() {
            Measure measure = pickOrNull(state().measures().values());
            if (measure == null) {
                return null;
            }
            MeasureType type = measure.transpositionDeadline() != null || chance(0.6) ? measure.type() : pick(MeasureType.values());
            String reference = chance(0.6) ? measure.procedureReference() : chance(0.5) ? newProcedureReference() : null;
            EditMeasure edit = new EditMeasure(dossierId, version(), measure.id(), chance(0.5) ? text(2, 10) : measure.title(), type, reference,
                    chance(0.5) ? measure.comReference() : chance(0.5) ? comReference() : null,
                    chance(0.5) ? measure.celexNumber() : chance(0.5) ? celexNumber() : null,
                    chance(0.7) ? measure.finalAct() : chance(0.5) ? text(3, 10) : null);
            boolean unchanged = edit.title().equals(measure.title()) && edit.type() == measure.type()
                    && Objects.equals(edit.procedureReference(), measure.procedureReference())
                    && Objects.equals(edit.comReference(), measure.comReference()) && Objects.equals(edit.celexNumber(), measure.celexNumber())
                    && Objects.equals(edit.finalAct(), measure.finalAct());
            return unchanged ? null : edit;
        }

        DossierCommand recordStep() {
            List<Measure> measures = List.copyOf(state().measures().values());
            if (measures.isEmpty()) {
                return null;
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                Measure measure = pick(measures);
                Step step = new Step(UUID.randomUUID().toString(), stage(0.1), effectiveDate(measure), chance(0.5) ? text(3, 15) : null,
                        chance(0.3) ? comReference() : null, null);
                List<Step> steps = new ArrayList<>(measure.steps());
                steps.add(step);
                if (inProcedureOrder(steps)) {
                    return new RecordProcedureStep(dossierId, version(), measure.id(), step.stepId(), step.stage(), step.effectiveDate(),
                            step.note(), step.documentReference(), today);
                }
            }
            return null;
        }

        DossierCommand correctStep() {
            List<Measure> measures = state().measures().values().stream().filter(measure -> !measure.steps().isEmpty()).toList();
            if (measures.isEmpty()) {
                return null;
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                Measure measure = pick(measures);
                Step recorded = pick(measure.steps());
                Step corrected = new Step(recorded.stepId(),
                        chance(0.4) ? stage(0.15) : recorded.stage(),
                        chance(0.6) ? effectiveDate(measure) : recorded.effectiveDate(),
                        chance(0.4) ? (chance(0.7) ? text(3, 15) : null) : recorded.note(),
                        chance(0.2) ? (chance(0.5) ? comReference() : null) : recorded.documentReference(),
                        text(3, 12));
                boolean changes = corrected.stage() != recorded.stage() || !corrected.effectiveDate().equals(recorded.effectiveDate())
                        || !Objects.equals(corrected.note(), recorded.note())
                        || !Objects.equals(corrected.documentReference(), recorded.documentReference());
                List<Step> steps = measure.steps().stream().map(step -> step.stepId().equals(recorded.stepId()) ? corrected : step).toList();
                if (changes && inProcedureOrder(steps)) {
                    return new CorrectProcedureStep(dossierId, version(), measure.id(), recorded.stepId(), corrected.stage(),
                            corrected.effectiveDate(), corrected.note(), corrected.documentReference(), corrected.correctionReason(), today);
                }
            }
            return null;
        }

        DossierCommand setKeyDates() {
            Measure measure = pickOrNull(state().measures().values());
            if (measure == null) {
                return null;
            }
            LocalDate entryIntoForce = chance(0.8) ? date(LocalDate.of(2010, 1, 1), today.plusYears(3)) : null;
            LocalDate from = entryIntoForce == null ? LocalDate.of(2010, 1, 1) : entryIntoForce;
            LocalDate application = chance(0.7) ? (chance(0.2) ? from : from.plusDays(random.nextInt(1500))) : null;
            LocalDate transposition = measure.type() == MeasureType.DIRECTIVE && chance(0.7)
                    ? (chance(0.2) ? from : from.plusDays(random.nextInt(1500))) : null;
            boolean unchanged = Objects.equals(entryIntoForce, measure.entryIntoForce()) && Objects.equals(application, measure.application())
                    && Objects.equals(transposition, measure.transpositionDeadline());
            return unchanged ? null : new SetMeasureKeyDates(dossierId, version(), measure.id(), entryIntoForce, application, transposition);
        }

        DossierCommand tagRight() {
            List<String> untagged = RightsCatalogue.standard().all().stream().map(org.icm.kernel.vocabulary.Right::code)
                    .filter(code -> !state().rights().containsKey(code)).toList();
            return untagged.isEmpty() ? null : new TagRight(dossierId, version(), pick(untagged), text(4, 20));
        }

        DossierCommand untagRight() {
            String code = pickOrNull(state().rights().keySet());
            return code == null ? null : new UntagRight(dossierId, version(), code);
        }

        DossierCommand draftRecommendation() {
            List<String> measureIds = new ArrayList<>();
            for (String measureId : state().measures().keySet()) {
                if (chance(0.3)) {
                    measureIds.add(measureId);
                }
            }
            if (!measureIds.isEmpty() && chance(0.2)) {
                measureIds.add(measureIds.getFirst()); // named twice: linked once
            }
            return new DraftRecommendation(dossierId, version(), UUID.randomUUID().toString(), text(5, 40), addressees(), measureIds);
        }

        DossierCommand reviseRecommendation() {
            Recommendation recommendation = changeable(r -> true);
            if (recommendation == null) {
                return null;
            }
            String text = chance(0.3) ? recommendation.text() + " " + text(1, 6) : text(5, 40);
            return text.strip().equals(recommendation.text()) ? null : new ReviseRecommendation(dossierId, version(), recommendation.id(), text);
        }

        DossierCommand changeAddressees() {
            Recommendation recommendation = changeable(r -> true);
            if (recommendation == null) {
                return null;
            }
            Set<Addressee> addressees = addressees();
            return addressees.stream().sorted().toList().equals(recommendation.addressees()) ? null
                    : new ChangeRecommendationAddressees(dossierId, version(), recommendation.id(), addressees);
        }

        DossierCommand linkMeasure() {
            Recommendation recommendation = changeable(r -> !r.measureIds().containsAll(state().measures().keySet()));
            if (recommendation == null) {
                return null;
            }
            String measureId = pick(state().measures().keySet().stream().filter(id -> !recommendation.measureIds().contains(id)).toList());
            return new LinkRecommendationToMeasure(dossierId, version(), recommendation.id(), measureId);
        }

        DossierCommand unlinkMeasure() {
            Recommendation recommendation = changeable(r -> !r.measureIds().isEmpty());
            return recommendation == null ? null
                    : new UnlinkRecommendationFromMeasure(dossierId, version(), recommendation.id(), pick(recommendation.measureIds()));
        }

        DossierCommand moveStatus() {
            Recommendation recommendation = changeable(r -> true);
            if (recommendation == null) {
                return null;
            }
            List<RecommendationStatus> onward = new ArrayList<>(next(recommendation.status()));
            if (onward.size() > 1 && !chance(0.1)) {
                onward.remove(RecommendationStatus.WITHDRAWN); // withdrawn rarely: nothing changes after it
            }
            return new MoveRecommendationStatus(dossierId, version(), recommendation.id(), pick(onward));
        }

        DossierCommand recordOutcome() {
            Recommendation recommendation = changeable(r -> r.status() == RecommendationStatus.PUBLISHED);
            return recommendation == null ? null
                    : new RecordRecommendationOutcome(dossierId, version(), recommendation.id(), pick(Outcome.values()), text(4, 25));
        }

        DossierCommand endorse() {
            Recommendation recommendation = changeable(r -> (r.status() == RecommendationStatus.ADOPTED
                    || r.status() == RecommendationStatus.PUBLISHED) && !r.endorsements().containsAll(organisations));
            if (recommendation == null) {
                return null;
            }
            String organisation = pick(organisations.stream().filter(org -> !recommendation.endorsements().contains(org)).toList());
            return new EndorseRecommendation(dossierId, version(), recommendation.id(), organisation);
        }

        DossierCommand withdrawEndorsement() {
            Recommendation recommendation = changeable(r -> !r.endorsements().isEmpty());
            return recommendation == null ? null
                    : new WithdrawEndorsement(dossierId, version(), recommendation.id(), pick(recommendation.endorsements()));
        }

        // ---- the rules the generator keeps (as the aggregate states them) ----

        /** Dossier.checkProcedureOrder: nothing after an exit, nor on its day recorded after it. */
        boolean inProcedureOrder(List<Step> steps) {
            for (int e = 0; e < steps.size(); e++) {
                Step exit = steps.get(e);
                if (!exit.stage().isExit()) {
                    continue;
                }
                for (int o = 0; o < steps.size(); o++) {
                    LocalDate other = steps.get(o).effectiveDate();
                    if (other.isAfter(exit.effectiveDate()) || (o > e && other.isEqual(exit.effectiveDate()))) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Dossier.NEXT_STATUS. */
        List<RecommendationStatus> next(RecommendationStatus status) {
            return List.copyOf(switch (status) {
                case DRAFT -> EnumSet.of(RecommendationStatus.IN_REVIEW, RecommendationStatus.WITHDRAWN);
                case IN_REVIEW -> EnumSet.of(RecommendationStatus.DRAFT, RecommendationStatus.ADOPTED, RecommendationStatus.WITHDRAWN);
                case ADOPTED -> EnumSet.of(RecommendationStatus.PUBLISHED, RecommendationStatus.WITHDRAWN);
                case PUBLISHED -> EnumSet.of(RecommendationStatus.WITHDRAWN);
                case WITHDRAWN -> EnumSet.noneOf(RecommendationStatus.class);
            });
        }

        Recommendation changeable(java.util.function.Predicate<Recommendation> also) {
            return pickOrNull(state().recommendations().values().stream()
                    .filter(r -> r.status() != RecommendationStatus.WITHDRAWN).filter(also).toList());
        }

        // ---- random values ----

        /** Mostly a day of the past; often the day of a step already recorded, so that steps share days (and exits' days). */
        LocalDate effectiveDate(Measure measure) {
            LocalDate yesterday = today.minusDays(1);
            if (!measure.steps().isEmpty() && chance(0.35)) {
                return pick(measure.steps()).effectiveDate();
            }
            if (chance(0.05)) {
                return today; // today is not the future
            }
            return date(EARLIEST, yesterday);
        }

        ProcedureStage stage(double exitChance) {
            if (chance(exitChance)) {
                return chance(0.5) ? ProcedureStage.WITHDRAWN : ProcedureStage.LAPSED;
            }
            List<ProcedureStage> steps = EnumSet.allOf(ProcedureStage.class).stream().filter(stage -> !stage.isExit()).toList();
            return pick(steps);
        }

        LocalDate date(LocalDate from, LocalDate to) {
            return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        String newProcedureReference() {
            String[] types = {"COD", "CNS", "APP", "NLE", "INI"};
            return String.format("%d/%04d(%s)", 1995 + random.nextInt(30), ++procedureNumbers, pick(types));
        }

        String comReference() {
            return String.format("COM(%d)%s%d%s", 2000 + random.nextInt(25), chance(0.5) ? " " : "", 1 + random.nextInt(999),
                    chance(0.5) ? " final" : "");
        }

        String celexNumber() {
            return String.format("3%d%s%04d", 2000 + random.nextInt(25), pick(new String[] {"R", "L", "D"}), random.nextInt(10_000));
        }

        Set<Addressee> addressees() {
            Set<Addressee> addressees = new LinkedHashSet<>();
            do {
                addressees.add(pick(Addressee.values()));
            } while (chance(0.4));
            return addressees;
        }

        static final String[] WORDS = {"children", "migration", "asylum", "best interests", "detention", "guardianship", "family",
                "reunification", "reception", "border procedure", "age assessment", "unaccompanied", "Member States", "Article 24",
                "l'enfant", "Kindeswohl", "niños", "\"safe\"", "a/b", "~tilde", "ünïcödé", "—", "screening", "EURODAC", "2024/1348"};

        /** Words of the domain, now and then with a surrounding blank (the dossier keeps the text stripped). */
        String text(int minWords, int maxWords) {
            StringBuilder text = new StringBuilder();
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            for (int i = 0; i < words; i++) {
                text.append(i == 0 ? "" : " ").append(pick(WORDS));
            }
            return chance(0.05) ? " " + text + " " : text.toString();
        }

        boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        <T> T pickOrNull(java.util.Collection<T> values) {
            return values.isEmpty() ? null : pick(List.copyOf(values));
        }

        record Option(int weight, Supplier<DossierCommand> command) {
        }

        Option option(int weight, Supplier<DossierCommand> command) {
            return new Option(weight, command);
        }

        DossierCommand weighted(List<Option> options) {
            int total = options.stream().mapToInt(Option::weight).sum();
            int choice = random.nextInt(total);
            for (Option option : options) {
                choice -= option.weight();
                if (choice < 0) {
                    return option.command().get();
                }
            }
            throw new IllegalStateException();
        }
    }

    private JsonNode tree(Object value) {
        return value == null ? NullNode.getInstance() : json.valueToTree(value);
    }

    private String pretty(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
