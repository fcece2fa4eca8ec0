package org.icm.service.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event store's streams do not call back when events arrive (so Axon's pooled processor looks every 500 ms); the
 * waking source's streams do, once the event can be read from them, and stop when closed.
 */
class WakingEventSourceTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final WakingEventSource source = new WakingEventSource(store, "test");

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    @Test
    void theStoresOwnStreamCannotCallBack() {
        try (BlockingStream<TrackedEventMessage<?>> plain = store.openStream(null)) {
            assertThat(plain.setOnAvailableCallback(() -> { })).isFalse();
        }
    }

    @Test
    void callsBackForEachEventStoredAfterwardsWhenItCanBeReadFromTheStream() {
        store.publish(GenericEventMessage.asEventMessage("before"));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        List<Object> readInCallBack = new CopyOnWriteArrayList<>();
        // the call-back reads what is there without waiting: what it finds was readable when it was called
        assertThat(stream.setOnAvailableCallback(() -> {
            while (stream.hasNextAvailable()) {
                try {
                    readInCallBack.add(stream.nextAvailable().getPayload());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })).isTrue();

        store.publish(GenericEventMessage.asEventMessage("first"));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> readInCallBack.contains("first"));
        store.publish(GenericEventMessage.asEventMessage("second"));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> readInCallBack.contains("second"));

        // the event stored before the call-back was set is the stream's own to read, and it read it first
        assertThat(readInCallBack).containsExactly("before", "first", "second");
        stream.close();
    }

    @Test
    void eventsStoredElsewhereCallBackToo() {
        // appended to the storage directly, as another instance of the service would: seen at the store's next fetch
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger calls = new AtomicInteger();
        stream.setOnAvailableCallback(calls::incrementAndGet);

        storage.appendEvents(GenericEventMessage.asEventMessage("elsewhere"));

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> calls.get() > 0);
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.close();
    }

    @Test
    void aClosedStreamIsNotCalledBackAnyMore() {
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        AtomicInteger callsOfClosed = new AtomicInteger();
        closed.setOnAvailableCallback(callsOfClosed::incrementAndGet);
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(null);
        AtomicInteger callsOfOpen = new AtomicInteger();
        open.setOnAvailableCallback(callsOfOpen::incrementAndGet);
        closed.close();

        store.publish(GenericEventMessage.asEventMessage("after closing"));

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> callsOfOpen.get() > 0);
        assertThat(callsOfClosed).hasValue(0);
        open.close();
    }
}
