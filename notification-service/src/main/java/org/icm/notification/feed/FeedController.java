package org.icm.notification.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.icm.notification.wording.Wording;
import org.icm.service.security.Actor;
import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in account's own feed: it never sees another account's notifications. */
@RestController
@Tag(name = "feed")
public class FeedController {

    public record FeedPage(List<FeedItem> items, int page, int size, long total, long unread) {
    }

    public record Marked(long marked) {
    }

    private final Feed feed;
    private final LiveFeed live;
    private final Wording wording;

    public FeedController(Feed feed, LiveFeed live, Wording wording) {
        this.feed = feed;
        this.live = live;
        this.wording = wording;
    }

    @GetMapping("/feed")
    @Operation(summary = "The account's notifications, unread first, newest first, one page at a time, in the language of "
            + "Accept-Language (English or French)")
    public FeedPage list(Actor actor, Locale locale, @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String account = actor.account().toString();
        Locale language = Wording.language(locale.getLanguage());
        return new FeedPage(feed.page(account, page, size).stream().map(n -> FeedItem.of(n, wording, language)).toList(), page, size,
                feed.count(account), feed.unread(account));
    }

    @PostMapping("/feed/{id}/read")
    @Operation(summary = "Marks one of the account's notifications read")
    public ResponseEntity<?> markRead(Actor actor, @PathVariable String id) {
        if (!feed.markRead(actor.account().toString(), id)) {
            ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such notification",
                    "This account has no notification " + id + ".");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/feed/read-all")
    @Operation(summary = "Marks all of the account's notifications read")
    public Marked markAllRead(Actor actor) {
        return new Marked(feed.markAllRead(actor.account().toString()));
    }

    @GetMapping(path = "/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "New notifications as they arrive (Server-Sent Events, event name 'notification'), in the language of "
            + "Accept-Language")
    public SseEmitter stream(Actor actor, Locale locale) {
        return live.open(actor.account().toString(), Wording.language(locale.getLanguage()));
    }
}
