package org.icm.policy.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;
import org.icm.service.axon.AuditMetaData;
import org.springframework.stereotype.Component;

/**
 * The exact history of a dossier, read from its event stream (batch by batch, so a long history takes
 * little memory) and rebuilt with the same fold the aggregate decides with ({@link DossierState#apply}).
 */
@Component
public class DossierHistory {

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final HistorySnapshots snapshots;

    public DossierHistory(EventStore eventStore, ObjectMapper json, HistorySnapshots snapshots) {
        this.eventStore = eventStore;
        this.json = json;
        this.snapshots = snapshots;
    }

    /** Thrown when a dossier has no events: there is no such dossier. */
    public static final class UnknownDossier extends RuntimeException {
        UnknownDossier(String dossierId) {
            super("There is no dossier " + dossierId + ".");
        }
    }

    /** Every change in order, each handed to the sink as it is built. */
    public void timeline(String dossierId, Consumer<TimelineEntry> sink) {
        DossierState state = DossierState.NONE;
        DomainEventStream events = stream(dossierId);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            DossierEvent event = (DossierEvent) message.getPayload();
            DossierState after = state.apply(event);
            snapshots.offer(dossierId, message.getSequenceNumber(), message.getTimestamp(), after);
            sink.accept(entry(message, event, state, after, diff(state, after)));
            state = after;
        }
    }

    /** One page of the entries the filter keeps, and how many it keeps in all. */
    public TimelinePage timelinePage(String dossierId, Predicate<TimelineEntry> filter, int page, int size) {
        List<TimelineEntry> items = new ArrayList<>();
        long[] matching = {0};
        timeline(dossierId, entry -> {
            if (filter.test(entry)) {
                long index = matching[0]++;
                if (index >= (long) page * size && items.size() < size) {
                    items.add(entry);
                }
            }
        });
        return new TimelinePage(items, page, size, matching[0]);
    }

    public record TimelinePage(List<TimelineEntry> items, int page, int size, long total) {
    }

    /**
     * The dossier as the platform showed it at an instant (record time): the fold of the events recorded up to it.
     * Record time has millisecond resolution (the event store keeps event timestamps to the millisecond, as the
     * timeline's {@code recordedAt} shows them): an event counts as recorded from the start of its millisecond.
     * The fold starts from the latest state {@link HistorySnapshots} kept by that instant, if any.
     */
    public Snapshot asOf(String dossierId, Instant asOf) {
        var kept = snapshots.latest(dossierId, asOf);
        DossierState state = kept.map(HistorySnapshots.Kept::state).orElse(DossierState.NONE);
        long version = kept.map(HistorySnapshots.Kept::sequence).orElse(-1L);
        DomainEventStream events = kept.isPresent() ? eventStore.readEvents(dossierId, version + 1) : stream(dossierId);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break; // one dossier's events are recorded in order
            }
            state = state.apply((DossierEvent) message.getPayload());
            version = message.getSequenceNumber();
            snapshots.offer(dossierId, version, message.getTimestamp(), state);
        }
        return new Snapshot(state, version);
    }

    /** A past state and the version (sequence number of its last event; -1 before the first). */
    public record Snapshot(DossierState state, long version) {
    }

    /**
     * Field-level differences between two states, with JSON Pointer paths. Like the operations of a JSON Patch, each
     * change applies to the state the changes before it left (of two items removed from the front of a list, both are
     * at index 0), and its old value is the value that stood at its path then.
     */
    public List<Change> diff(DossierState from, DossierState to) {
        List<Change> changes = new ArrayList<>(diff(tree(withoutParts(from)), tree(withoutParts(to))));
        changes.addAll(diff("/measures", from.measures(), to.measures()));
        changes.addAll(diff("/rights", from.rights(), to.rights()));
        changes.addAll(diff("/recommendations", from.recommendations(), to.recommendations()));
        return changes;
    }

    /**
     * The differences of two maps of parts (measures, rights, recommendations), part by part: a part that is the
     * same (the fold keeps the very object of a part an event does not touch) costs nothing, so a timeline entry
     * turns into JSON only the part its event changed, not the whole dossier.
     */
    private <V> List<Change> diff(String path, Map<String, V> before, Map<String, V> after) {
        if (before == after) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        before.forEach((key, part) -> {
            if (!after.containsKey(key)) {
                changes.add(new Change(path + "/" + pointerSegment(key), "removed", plain(json.valueToTree(part)), null));
            }
        });
        after.forEach((key, part) -> {
            V old = before.get(key);
            String partPath = path + "/" + pointerSegment(key);
            if (old == null) {
                changes.add(new Change(partPath, "added", null, plain(json.valueToTree(part))));
            } else if (old != part && !old.equals(part)) {
                for (Change change : diff(json.valueToTree(old), json.valueToTree(part))) {
                    changes.add(new Change(partPath + change.path(), change.change(), change.oldValue(), change.newValue()));
                }
            }
        });
        return changes;
    }

    private static DossierState withoutParts(DossierState state) {
        return new DossierState(state.id(), state.title(), state.policyArea(), state.summary(), state.leadOrganisation(), state.visibility(),
                state.status(), Map.of(), Map.of(), Map.of());
    }

    /** A map key as one segment of a JSON Pointer (RFC 6901). */
    private static String pointerSegment(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private List<Change> diff(JsonNode before, JsonNode after) {
        JsonNode current = before.deepCopy(); // the state as the changes so far left it
        List<Change> changes = new ArrayList<>();
        for (JsonNode operation : JsonDiff.asJson(before, after, DiffFlags.dontNormalizeOpIntoMoveAndCopy())) {
            String path = operation.get("path").asText();
            switch (operation.get("op").asText()) {
                case "add" -> changes.add(new Change(path, "added", null, plain(operation.get("value"))));
                case "remove" -> changes.add(new Change(path, "removed", plain(current.at(path)), null));
                default -> changes.add(new Change(path, "changed", plain(current.at(path)), plain(operation.get("value"))));
            }
            JsonPatch.applyInPlace(json.createArrayNode().add(operation), current);
        }
        return changes;
    }

    private Object plain(JsonNode node) {
        return json.convertValue(node, Object.class);
    }

    JsonNode tree(DossierState state) {
        return json.valueToTree(state);
    }

    private TimelineEntry entry(DomainEventMessage<?> message, DossierEvent event, DossierState before, DossierState after,
                                List<Change> changes) {
        var metaData = message.getMetaData();
        return new TimelineEntry(message.getSequenceNumber(), message.getTimestamp(), (String) metaData.get(AuditMetaData.ACCOUNT),
                (String) metaData.get(AuditMetaData.ORGANISATION), (String) metaData.get(AuditMetaData.REASON), event.getClass().getSimpleName(),
                event instanceof DossierEvent.ProcedureStepCorrected, event.measureId(), event.recommendationId(),
                Summaries.of(event, before, after), changes);
    }

    private DomainEventStream stream(String dossierId) {
        DomainEventStream events = eventStore.readEvents(dossierId, 0);
        if (!events.hasNext()) {
            throw new UnknownDossier(dossierId);
        }
        return events;
    }
}
