package org.icm.policy.dossier;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregate snapshots of dossiers, so a command on a dossier with a long history does not fold all of it
 * again. A snapshot is only a cache of the fold: the events stay the truth, and dropping the
 * {@code snapshot_event_entry} rows (for example after a change to {@link DossierState}) is always safe.
 */
@Configuration(proxyBeanMethods = false)
public class DossierSnapshots {

    /**
     * Events between two snapshots ({@code icm.policy.aggregate-snapshot-interval}, default 250): loading a dossier
     * folds at most this many events after its snapshot.
     */
    @Bean
    SnapshotTriggerDefinition dossierSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${icm.policy.aggregate-snapshot-interval:250}") int interval) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, interval);
    }
}
