package org.icm.notification.tracking;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the tracked state of dossiers is read from when an event is decided: MongoDB, or what a batch read of it holds. */
public interface DossierLookup {

    Optional<TrackedDossier> dossier(String id);

    List<TrackedDossier> dossiers(Collection<String> ids);
}
