package org.icm.policy.dossier;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregate snapshots of dossiers, so a command on a dossier with a long history does not fold all of it
 * again, and dossiers kept in memory between commands, so a command on a dossier used a moment ago reads
 * nothing at all. Both are only caches of the fold: the events stay the truth, and dropping the
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

    /**
     * Dossiers kept in memory after a command ({@code icm.policy.aggregate-cache}, default on), weakly: the garbage
     * collector drops any it needs to. The event store stays the judge of concurrent writes: if another instance of
     * this service changed a cached dossier meanwhile, the command appends a sequence number that is taken, answers
     * 409 (changed at the same moment), and Axon drops the entry, so the next try loads the dossier afresh. Nothing
     * is lost; several instances behind a router that sends one dossier's commands to one instance never see it.
     */
    @Bean
    Cache dossierCache(@Value("${icm.policy.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
