package org.icm.notification.tracking;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.policy.DossierIntegrationEvent;

/**
 * The dossiers a batch of records reads, read with one query before the batch is decided, and changed in memory by each
 * dossier event of the batch ({@link TrackedDossier#after}), so that every event is decided on the state the events
 * before it left, as when they are handled one at a time, before any of them is written. A dossier it was not given is
 * read from MongoDB.
 */
public final class BatchDossiers implements DossierLookup {

    private final Tracking tracking;
    private final Map<String, Optional<TrackedDossier>> known = new HashMap<>();

    BatchDossiers(Tracking tracking, Set<String> ids) {
        this.tracking = tracking;
        ids.forEach(id -> known.put(id, Optional.empty()));
        tracking.dossiers(ids).forEach(dossier -> known.put(dossier.id(), Optional.of(dossier)));
    }

    @Override
    public Optional<TrackedDossier> dossier(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return known.computeIfAbsent(id, tracking::dossier);
    }

    @Override
    public List<TrackedDossier> dossiers(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return ids.stream().distinct().map(this::dossier).flatMap(Optional::stream).toList();
    }

    /** The event was decided: the dossier it changes is now as after it. */
    public void apply(IntegrationEvent event) {
        if (event instanceof DossierIntegrationEvent dossierEvent && dossierEvent.dossierId() != null) {
            known.put(dossierEvent.dossierId(), Optional.of(TrackedDossier.after(dossier(dossierEvent.dossierId()), dossierEvent)));
        }
    }
}
