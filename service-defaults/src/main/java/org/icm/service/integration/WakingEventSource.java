package org.icm.service.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as a pooled streaming processor's source, with streams that say when events arrive.
 *
 * <p>Why: Axon 4.13's pooled processor asks its stream to call it back when events arrive
 * ({@link BlockingStream#setOnAvailableCallback}); the embedded event store's streams cannot, so the processor's coordinator
 * looks for new events every 500 ms when idle: half a second, on average a quarter, between an event stored and its
 * processing. Here one watcher thread per source tails the store (as a tracking processor does: it blocks on the store's
 * own stream, which a commit in this JVM wakes at once, and which reads events stored by other instances at the store's
 * fetch delay) and, whenever events arrive, calls back every open stream's coordinator, which then reads them from its own
 * stream. The watcher reads the store's in-memory cache of recent events, not the database, once it has caught up.
 *
 * <p>A callback that comes when nothing is new costs the coordinator one look; one that never comes (the watcher failing)
 * leaves the coordinator's own periodic look (a few seconds), so the watcher reopens its stream after any error and calls
 * back then too.
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final String name;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object watcherLock = new Object();
    private Thread watcher;
    private volatile boolean closed;

    /**
     * @param store the event store (its streams block until events arrive)
     * @param name  what the watcher thread is named after (its bean, eventsOnArrival, shared by the pooled processors)
     */
    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, String name) {
        this.store = store;
        this.name = name;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Stops the watcher; streams opened before keep working, without call-backs. */
    @Override
    public void close() {
        closed = true;
        synchronized (watcherLock) {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    /**
     * Starts the watcher once. Its stream is opened here, before the first call-back is registered, so that every event
     * stored after {@link BlockingStream#setOnAvailableCallback} returned calls back.
     */
    private void startWatching() {
        synchronized (watcherLock) {
            if (watcher == null && !closed) {
                BlockingStream<TrackedEventMessage<?>> tail = openAtHead();
                watcher = Thread.ofPlatform().daemon().name("EventArrivalWatcher[" + name + "]").start(() -> watch(tail));
            }
        }
    }

    /** From the head: only what arrives from now on matters, what is stored already each stream reads by itself. */
    private BlockingStream<TrackedEventMessage<?>> openAtHead() {
        return store.openStream(store.createHeadToken());
    }

    private void watch(BlockingStream<TrackedEventMessage<?>> first) {
        BlockingStream<TrackedEventMessage<?>> tail = first;
        while (!closed) {
            try {
                if (tail == null) {
                    tail = openAtHead();
                }
                if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    // one call-back for everything that arrived together
                    while (tail.hasNextAvailable()) {
                        tail.nextAvailable();
                    }
                    wakeAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (closed) {
                    break;
                }
                log.warn("watching the event store for {} failed; retrying in {} ({})", name, RETRY_AFTER_FAILURE, e.toString());
                closeQuietly(tail);
                tail = null;
                // events may have arrived unseen meanwhile: let every coordinator look
                wakeAll();
                try {
                    Thread.sleep(RETRY_AFTER_FAILURE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeQuietly(tail);
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing is best effort: the watcher is going away or starting over
            }
        }
    }

    private void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("a call-back of {} failed: {}", name, e.toString());
            }
        }
    }

    /** The store's stream, and the call-back it cannot keep itself. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            startWatching();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
