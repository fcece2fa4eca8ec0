package org.icm.notification.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent-Events streams of this instance, per account. Only live connections are held here; the
 * notifications themselves are in MongoDB, and a client that reconnects reads what it missed from the feed.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    public SseEmitter open(String accountId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        List<SseEmitter> ofAccount = streams.computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>());
        ofAccount.add(emitter);
        Runnable remove = () -> ofAccount.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // a first comment line, so the client knows at once that the stream is open
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** Ends the account's streams on this instance (its person was erased). */
    public void close(String accountId) {
        List<SseEmitter> ofAccount = streams.remove(accountId);
        if (ofAccount != null) {
            ofAccount.forEach(SseEmitter::complete);
        }
    }

    public void announce(Notification notification) {
        for (SseEmitter emitter : streams.getOrDefault(notification.accountId(), List.of())) {
            try {
                emitter.send(SseEmitter.event().id(notification.id()).name("notification")
                        .data(FeedItem.of(notification), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                log.debug("live stream of {} closed: {}", notification.accountId(), e.getMessage());
                emitter.completeWithError(e);
            }
        }
    }
}
