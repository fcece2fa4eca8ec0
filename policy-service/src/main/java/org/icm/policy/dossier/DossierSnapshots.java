package org.icm.policy.dossier;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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

    private static final String DOSSIER_CACHE = "dossiers";

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
     * Dossiers kept in memory after a command ({@code icm.policy.aggregate-cache}, default on): up to
     * {@code icm.policy.aggregate-cache-size} of them (default 2,000) on the heap, those used least recently leaving
     * first. Bounded rather than weakly held: a weak entry goes at the next garbage collection, however often its
     * dossier is used. The event store stays the judge of concurrent writes: if another instance of this service
     * changed a cached dossier meanwhile, the command appends a sequence number that is taken, answers 409 (changed at
     * the same moment), and Axon drops the entry, so the next try loads the dossier afresh. Nothing is lost; several
     * instances behind a router that sends one dossier's commands to one instance never see it.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "icm.policy.aggregate-cache", matchIfMissing = true)
    CacheManager dossierCacheManager(@Value("${icm.policy.aggregate-cache-size:2000}") long size) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(DOSSIER_CACHE, CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(size)))
                .build(true);
    }

    @Bean
    Cache dossierCache(ObjectProvider<CacheManager> dossierCacheManager) {
        CacheManager manager = dossierCacheManager.getIfAvailable();
        return manager == null ? NoCache.INSTANCE
                : new EhCache3Adapter((Ehcache<Object, Object>) manager.getCache(DOSSIER_CACHE, Object.class, Object.class));
    }
}
