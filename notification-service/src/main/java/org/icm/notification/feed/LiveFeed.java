package org.icm.notification.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.icm.notification.wording.Wording;
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

    /** An open stream, and the language its reader asked for. */
    private record Stream(SseEmitter emitter, Locale language) {
    }

    private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();
    private final Wording wording;

    public LiveFeed(Wording wording) {
        this.wording = wording;
    }

    public SseEmitter open(String accountId, Locale language) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        List<Stream> ofAccount = streams.computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>());
        Stream stream = new Stream(emitter, language);
        ofAccount.add(stream);
        Runnable remove = () -> ofAccount.remove(stream);
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
        List<Stream> ofAccount = streams.remove(accountId);
        if (ofAccount != null) {
            ofAccount.forEach(stream -> stream.emitter().complete());
        }
    }

    public void announce(Notification notification) {
        for (Stream stream : streams.getOrDefault(notification.accountId(), List.of())) {
            try {
                stream.emitter().send(SseEmitter.event().id(notification.id()).name("notification")
                        .data(FeedItem.of(notification, wording, stream.language()), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                log.debug("live stream of {} closed: {}", notification.accountId(), e.getMessage());
                stream.emitter().completeWithError(e);
            }
        }
    }
}
