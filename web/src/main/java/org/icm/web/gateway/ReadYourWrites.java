package org.icm.web.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes for every page shown right after a write. A service answers a write with the aggregate's new version,
 * but pages are read from read models that catch up a moment later; a page shown from the previous version would put
 * that stale version into its forms, and the next write from it would be refused (412). So a write's redirect carries
 * the version it made ({@code ?seen=N}), and the page waits, briefly and boundedly, until the read model shows at least
 * that version; if it does not catch up in time, the page is shown as it is, and says so where it matters. Only a
 * signed-in person's {@code seen} is waited for: writes need a sign-in, and a visitor's link with a made-up version would
 * otherwise turn one page into dozens of reads through the gateway (and use up the anonymous rate limit).
 */
@Component
public class ReadYourWrites {

    /** The query parameter naming the version a write just made. */
    public static final String SEEN = "seen";

    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadYourWrites.class);

    private final Duration patience;

    ReadYourWrites(@Value("${icm.web.read-your-writes-wait:5s}") Duration patience) {
        this.patience = patience;
    }

    /** What the read model showed, and whether it was still behind the version asked for when the wait ended. */
    public record Read<T>(T value, boolean behind) {
    }

    /**
     * Reads until the value's version is at least {@code seen} (at once when {@code seen} is null). A 404 means "not
     * there yet" only after a write (something created a moment ago); otherwise it is the answer.
     */
    public <T> Read<T> atLeast(String what, Supplier<T> read, ToLongFunction<T> version, Long seenAsked) {
        Long seen = signedIn() ? seenAsked : null;
        Instant start = Instant.now();
        Instant giveUp = start.plus(patience);
        for (int reads = 1; ; reads++) {
            try {
                T value = read.get();
                long shown = version.applyAsLong(value);
                if (seen == null || shown >= seen) {
                    if (reads > 1) {
                        // how far behind the read model was: the figure that says whether the bound is right
                        log.info("{} showed version {} after {} reads, {} ms", what, shown, reads, Duration.between(start, Instant.now()).toMillis());
                    }
                    return new Read<>(value, false);
                }
                if (Instant.now().isAfter(giveUp)) {
                    log.warn("{} still at version {} after {} ms, not {}: the page is shown as it is", what, shown,
                            Duration.between(start, Instant.now()).toMillis(), seen);
                    return new Read<>(value, true);
                }
            } catch (ServiceProblem notThereYet) {
                if (seen == null || notThereYet.status() != 404 || Instant.now().isAfter(giveUp)) {
                    throw notThereYet;
                }
            }
            pause();
        }
    }

    /** Puts the version a write answered ({@code version} of its JSON answer) into the redirect, for {@link #atLeast}. */
    public static void carrySeen(RedirectAttributes redirect, JsonNode answer) {
        JsonNode version = answer == null ? null : answer.get("version");
        if (version != null && version.isNumber()) {
            redirect.addAttribute(SEEN, version.asLong());
        }
    }

    private static boolean signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }
}
