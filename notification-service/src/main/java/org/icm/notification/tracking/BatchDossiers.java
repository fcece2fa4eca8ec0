package org.icm.notification.tracking;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dossiers a batch of records is about, read with one query before the batch is handled. A dossier that an event of
 * the batch changes is forgotten, and read again from MongoDB if a later event of the batch asks for it, so every event is
 * decided on the state left by the events before it, as when they are handled one at a time.
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
        Optional<TrackedDossier> found = known.get(id);
        return found != null ? found : tracking.dossier(id);
    }

    @Override
    public List<TrackedDossier> dossiers(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (known.keySet().containsAll(ids)) {
            return ids.stream().map(known::get).flatMap(Optional::stream).toList();
        }
        return tracking.dossiers(ids);
    }

    /** After the dossier was written: its copy here is out of date. */
    void forget(String id) {
        known.remove(id);
    }
}
