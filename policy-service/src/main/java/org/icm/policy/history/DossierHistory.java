package org.icm.policy.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        timeline(dossierId, null, null, sink);
    }

    /**
     * The changes recorded after {@code after} and up to {@code until} (record time, as {@link #asOf} reads it; null
     * leaves that end open), in order, each handed to the sink as it is built. The changes before the period are only
     * folded, from the latest state {@link HistorySnapshots} kept by {@code after} if any: a summary and the changed
     * fields are built for the period's changes alone.
     */
    public void timeline(String dossierId, Instant after, Instant until, Consumer<TimelineEntry> sink) {
        var kept = after == null ? Optional.<HistorySnapshots.Kept>empty() : snapshots.latest(dossierId, after);
        DossierState state = kept.map(HistorySnapshots.Kept::state).orElse(DossierState.NONE);
        DomainEventStream events = kept.isPresent() ? eventStore.readEvents(dossierId, kept.get().sequence() + 1) : stream(dossierId);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (until != null && message.getTimestamp().isAfter(until)) {
                break; // one dossier's events are recorded in order
            }
            DossierEvent event = (DossierEvent) message.getPayload();
            DossierState next = state.apply(event);
            snapshots.offer(dossierId, message.getSequenceNumber(), message.getTimestamp(), next);
            if (after == null || message.getTimestamp().isAfter(after)) {
                sink.accept(entry(message, event, state, next, diff(state, next)));
            }
            state = next;
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
        List<Change> changes = new ArrayList<>();
        changes("", from, to, changes);
        return changes;
    }

    /**
     * Walks two values of the state side by side (records component by component, maps key by key), so a part the
     * fold left as it was (the very same object) costs one comparison, not a deep one, and only what an event
     * changed is turned into JSON: a timeline entry of a long dossier stays cheap. Paths and values are those of the
     * state's JSON form. A list that only grew, or kept its length, is compared item by item; any other list change
     * (items removed or moved) is left to a JSON Patch diff of that list.
     */
    private void changes(String path, Object before, Object after, List<Change> into) {
        if (before == after) {
            return; // the fold keeps the very object of every part an event leaves alone
        }
        if (before instanceof Record a && after instanceof Record b && a.getClass() == b.getClass()) {
            for (RecordComponent component : COMPONENTS.get(a.getClass())) {
                changes(path + "/" + component.getName(), component(component, a), component(component, b), into);
            }
        } else if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            a.forEach((key, value) -> {
                if (!b.containsKey(key)) {
                    into.add(new Change(path + "/" + pointerSegment(key), "removed", plain(value), null));
                }
            });
            b.forEach((key, value) -> {
                if (a.containsKey(key)) {
                    changes(path + "/" + pointerSegment(key), a.get(key), value, into);
                } else {
                    into.add(new Change(path + "/" + pointerSegment(key), "added", null, plain(value)));
                }
            });
        } else if (before instanceof List<?> a && after instanceof List<?> b && a.size() < b.size() && startsWith(b, a)) {
            for (int i = a.size(); i < b.size(); i++) {
                into.add(new Change(path + "/" + i, "added", null, plain(b.get(i))));
            }
        } else if (before instanceof List<?> a && after instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                changes(path + "/" + i, a.get(i), b.get(i), into);
            }
        } else if (before instanceof List<?> a && after instanceof List<?> b) {
            for (Change change : diff(json.valueToTree(a), json.valueToTree(b))) {
                into.add(new Change(path + change.path(), change.change(), change.oldValue(), change.newValue()));
            }
        } else if (!Objects.equals(before, after)) {
            into.add(new Change(path, "changed", plain(before), plain(after)));
        }
    }

    private static boolean startsWith(List<?> list, List<?> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (list.get(i) != prefix.get(i) && !Objects.equals(list.get(i), prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Each record class's components, looked up once: a fresh lookup makes fresh accessors, costly to call the first time. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static Object component(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** A map key as one segment of a JSON Pointer (RFC 6901). */
    private static String pointerSegment(Object key) {
        return String.valueOf(key).replace("~", "~0").replace("/", "~1");
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

    private Object plain(Object value) {
        return json.convertValue(value, Object.class);
    }

    JsonNode tree(DossierState state) {
        return json.valueToTree(state);
    }

    private TimelineEntry entry(DomainEventMessage<?> message, DossierEvent event, DossierState before, DossierState after,
                                List<Change> changes) {
        var metaData = message.getMetaData();
        return new TimelineEntry(message.getSequenceNumber(), message.getTimestamp(), (String) metaData.get(AuditMetaData.ACCOUNT),
                (String) metaData.get(AuditMetaData.ORGANISATION), (String) metaData.get(AuditMetaData.REASON), event.getClass().getSimpleName(),
                event instanceof DossierEvent.Correction, event.measureId(), event.recommendationId(),
                Summaries.of(event, before, after), event.effectiveDate(), changes);
    }

    private DomainEventStream stream(String dossierId) {
        DomainEventStream events = eventStore.readEvents(dossierId, 0);
        if (!events.hasNext()) {
            throw new UnknownDossier(dossierId);
        }
        return events;
    }
}
