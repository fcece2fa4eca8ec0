package org.icm.notification.consumption;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.membership.MembershipIntegrationEvent;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.notification.Bulk;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.personaldata.PersonalDataPurge;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Recipients;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Subscriptions;
import org.icm.notification.tracking.BatchDossiers;
import org.icm.notification.tracking.Tracking;
import org.icm.service.tracing.TraceContexts;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Handles integration events, in the order of a batch of records, so that handling one again (a redelivery, also after a
 * crash half-way) changes nothing. MongoDB gives no transaction over several documents here, so every step is idempotent
 * by itself:
 * <ol>
 *   <li>an event whose id is in {@code processed} was fully handled: skip it (one query for the batch);</li>
 *   <li>what the event means (its {@link Happening}) is decided from the state before it; a decision that read tracked
 *       state is stored under its id, first writer wins, so a second pass uses the first decision even though the state
 *       has moved on (a decision from the event alone comes out the same every time, and is not stored);</li>
 *   <li>the happening is fanned out: notifications and mails keyed by (event id, account);</li>
 *   <li>the directory and tracked state are set from the event (upserts of what it says); a membership event sets the
 *       directory before it is fanned out, as it changes who is notified;</li>
 *   <li>the ids go into {@code processed} (its _id, hence unique), for the handled events of the batch at once.</li>
 * </ol>
 * Per batch rather than per event: the processed check and marks, one read of the dossiers the batch is about, and one
 * look at whether the recipients changed ({@link Recipients}), those three reads sent together; so the more records wait,
 * the fewer round trips each costs. A notification reaches the live streams after three waits on MongoDB: the reads, the
 * kept decisions, the notifications.
 */
@Component
public class EventHandling {

    /** An event handled; kept while Kafka may deliver it again ({@link HandledEventsExpiry}). */
    @Document("processed")
    public record Processed(@Id String id, String type, Instant at) {
    }

    /** The event at {@code index} of a batch failed; the events before it were handled and marked. */
    public static final class Failed extends RuntimeException {

        private final int index;

        Failed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private final IntegrationEventCodec codec;
    private final MongoTemplate mongo;
    private final Directory directory;
    private final Subscriptions subscriptions;
    private final Tracking tracking;
    private final Happenings happenings;
    private final Recipients recipients;
    private final Router router;
    private final Clock clock;
    private final PersonalDataPurge purge;
    private final TraceContexts traces;
    /** For the reads a batch starts with, which go out together (a virtual thread each: they only wait on MongoDB). */
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    public EventHandling(IntegrationEventCodec codec, MongoTemplate mongo, Directory directory, Subscriptions subscriptions,
                         Tracking tracking, Happenings happenings, Recipients recipients, Router router, Clock clock,
                         PersonalDataPurge purge, TraceContexts traces) {
        this.codec = codec;
        this.mongo = mongo;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.tracking = tracking;
        this.happenings = happenings;
        this.recipients = recipients;
        this.router = router;
        this.clock = clock;
        this.purge = purge;
        this.traces = traces;
    }

    @PreDestroy
    void stopReads() {
        reads.close();
    }

    /** Handles the envelope; answers false when it had been handled before. */
    public boolean handle(CloudEvent envelope) {
        return handle(List.of(envelope)) == 1;
    }

    /**
     * Handles the envelopes in their order; answers how many had not been handled before. When one fails, the ones before
     * it are handled and marked, and {@link Failed} says which one it was.
     */
    public int handle(List<CloudEvent> envelopes) {
        // the three reads a batch starts with do not depend on one another: sent together, the batch waits for one round
        // trip instead of three (the dossiers of every readable envelope are read, a few more than needed at worst)
        Future<Set<String>> handledBeforeRead = reads.submit(() -> handledBefore(envelopes));
        Future<Recipients.Snapshot> recipientsRead = reads.submit(recipients::current);
        BatchDossiers dossiers = tracking.prefetch(dossiersRead(envelopes));
        Set<String> handledBefore = result(handledBeforeRead);
        Recipients.Snapshot known = result(recipientsRead);
        List<Pending> pending = new ArrayList<>(envelopes.size());
        RuntimeException unreadable = null;
        int unreadableAt = -1;
        for (int index = 0; index < envelopes.size(); index++) {
            CloudEvent envelope = envelopes.get(index);
            if (handledBefore.contains(envelope.getId())) {
                continue;
            }
            try {
                // an unknown type has no payload: it is ignored, and remembered as handled like any other
                pending.add(new Pending(index, envelope, codec.payload(envelope)));
            } catch (RuntimeException e) {
                // the events before it are handled; this one then fails alone
                unreadable = e;
                unreadableAt = index;
                break;
            }
        }
        try {
            handleInOrder(pending, dossiers, known);
        } catch (RuntimeException batchFailed) {
            // which one? one at a time (each step is idempotent), marking those that pass, naming the first that does not
            List<Pending> passed = new ArrayList<>();
            for (Pending one : pending) {
                try {
                    handleInOrder(List.of(one));
                } catch (RuntimeException failed) {
                    markProcessed(passed);
                    throw new Failed(one.index(), failed);
                }
                passed.add(one);
            }
        }
        markProcessed(pending);
        if (unreadable != null) {
            throw new Failed(unreadableAt, unreadable);
        }
        return pending.size();
    }

    /** An envelope not handled before, its place in the batch, and its payload (none for a type this service does not know). */
    private record Pending(int index, CloudEvent envelope, Optional<IntegrationEvent> payload) {

        String id() {
            return envelope.getId();
        }

        Instant occurredAt(Clock clock) {
            return envelope.getTime() != null ? envelope.getTime().toInstant() : clock.instant();
        }
    }

    /**
     * Membership events one by one (they change who is notified of what follows them); the events between them in bulk:
     * decided in order on the state the ones before left ({@link BatchDossiers}), then their decisions kept, the state
     * written, and the notifications written and announced, a few round trips for all of them.
     */
    private void handleInOrder(List<Pending> events) {
        Set<String> read = new HashSet<>();
        events.forEach(event -> event.payload().ifPresent(payload -> read.addAll(Happenings.dossiersRead(payload))));
        handleInOrder(events, tracking.prefetch(read), recipients.current());
    }

    private void handleInOrder(List<Pending> events, BatchDossiers dossiers, Recipients.Snapshot recipientsBefore) {
        Recipients.Snapshot known = recipientsBefore;
        List<Pending> run = new ArrayList<>();
        for (Pending event : events) {
            if (event.payload().orElse(null) instanceof MembershipIntegrationEvent membership) {
                handleRun(run, dossiers, known);
                run.clear();
                known = traces.inSpan(spanName(event), Span.Kind.CONSUMER, IntegrationEventCodec.trace(event.envelope()), () -> {
                    Happening happening = happenings.decide(event.id(), event.occurredAt(clock), membership, dossiers);
                    directory.apply(membership).map(Account::id).ifPresent(subscriptions::ensureDefaults);
                    if (membership instanceof PersonErased erased) {
                        purge.forget(erased.personId());
                    }
                    // what follows it is fanned out to the directory as it changed
                    Recipients.Snapshot changed = recipients.current();
                    router.fanOut(happening, changed);
                    return changed;
                });
            } else if (event.payload().isPresent()) {
                run.add(event);
            }
        }
        handleRun(run, dossiers, known);
    }

    private void handleRun(List<Pending> run, BatchDossiers dossiers, Recipients.Snapshot known) {
        if (run.isEmpty()) {
            return;
        }
        List<Happening> decided = new ArrayList<>(run.size());
        List<IntegrationEvent> events = new ArrayList<>(run.size());
        // each event is decided in a span of the trace that published it; its mails go on with that span's context
        Map<String, String> traceparents = new HashMap<>();
        for (Pending event : run) {
            IntegrationEvent payload = event.payload().orElseThrow();
            traces.inSpan(spanName(event), Span.Kind.CONSUMER, IntegrationEventCodec.trace(event.envelope()), () -> {
                decided.add(happenings.decide(event.id(), event.occurredAt(clock), payload, dossiers));
                traceparents.put(event.id(), traces.current().get(TraceContexts.TRACEPARENT));
            });
            dossiers.apply(payload);
            events.add(payload);
        }
        List<Happening> kept = keepDecisions(decided, events);
        // the notifications before the tracked state, so that they reach the live streams a write earlier: safe, as the
        // decisions are kept (a pass after a crash between the two finds them, and writes and announces nothing again)
        List<Router.Planned> planned = new ArrayList<>();
        kept.forEach(happening -> router.plan(happening, known).forEach(one -> planned.add(one.tracedBy(traceparents.get(happening.id())))));
        router.deliver(planned);
        tracking.applyAll(events);
    }

    private static String spanName(Pending event) {
        return "notify of " + event.envelope().getType();
    }

    /** The dossiers the readable envelopes' events are decided on; an unreadable one is left to fail where it stands. */
    private Set<String> dossiersRead(List<CloudEvent> envelopes) {
        Set<String> read = new HashSet<>();
        for (CloudEvent envelope : envelopes) {
            try {
                codec.payload(envelope).ifPresent(payload -> read.addAll(Happenings.dossiersRead(payload)));
            } catch (RuntimeException unreadable) {
                break;
            }
        }
        return read;
    }

    private static <T> T result(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading for a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stores the decisions that read tracked state before that state is written, first writer wins: where one was stored
     * before (an event handled again after a crash half-way), that one is used.
     */
    private List<Happening> keepDecisions(List<Happening> decided, List<IntegrationEvent> events) {
        List<Happening> toKeep = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            if (Happenings.readsState(events.get(i))) {
                toKeep.add(decided.get(i));
            }
        }
        Set<String> storedNow = Bulk.insertNew(mongo, Happening.class, toKeep, Happening::id);
        List<String> storedBefore = toKeep.stream().map(Happening::id).filter(id -> !storedNow.contains(id)).toList();
        if (storedBefore.isEmpty()) {
            return decided;
        }
        Map<String, Happening> earlier = mongo.find(Query.query(where("_id").in(storedBefore)), Happening.class).stream()
                .collect(Collectors.toMap(Happening::id, Function.identity()));
        return decided.stream().map(happening -> earlier.getOrDefault(happening.id(), happening)).toList();
    }

    private Set<String> handledBefore(List<CloudEvent> envelopes) {
        Query ids = Query.query(where("_id").in(envelopes.stream().map(CloudEvent::getId).toList()));
        ids.fields().include("_id");
        return new HashSet<>(mongo.find(ids, Processed.class).stream().map(Processed::id).toList());
    }

    /** One write for the batch; an id another instance (or an earlier, interrupted pass) marked already is fine. */
    private void markProcessed(List<Pending> done) {
        Instant now = clock.instant();
        Bulk.insertNew(mongo, Processed.class, done.stream().map(event -> new Processed(event.id(), event.envelope().getType(), now)).toList(),
                Processed::id);
    }
}
