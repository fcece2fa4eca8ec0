package org.icm.web.pages;

import java.time.Duration;
import java.time.Instant;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes for dossier pages. The policy service answers a write with the dossier's new version, but its
 * pages are read from a read model that catches up a moment later; a page shown from the previous version would put
 * that stale version into its forms, and the next write from it would be refused (412). So a write's redirect carries
 * the version it made ({@code ?seen=N}), and the page waits, briefly and boundedly, until the read model shows at least
 * that version; if it does not catch up in time, the page is shown anyway with a notice that it may be behind.
 */
@Component
public class DossierReads {

    /** The query parameter naming the version a write just made. */
    public static final String SEEN = "seen";

    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DossierReads.class);

    private final Gateway gateway;
    private final Duration patience;

    DossierReads(Gateway gateway, @Value("${icm.web.read-your-writes-wait:3s}") Duration patience) {
        this.gateway = gateway;
        this.patience = patience;
    }

    /** The dossier as the read model has it, at version {@code seen} or later when it gets there in time. */
    public record Read(Policy.DossierDetail dossier, boolean behind) {
    }

    public Read atLeast(String dossierId, Long seen) {
        Instant start = Instant.now();
        Instant giveUp = start.plus(patience);
        for (int reads = 1; ; reads++) {
            try {
                Policy.DossierDetail dossier = gateway.get(gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId)), Policy.DossierDetail.class);
                if (seen == null || dossier.version() >= seen) {
                    if (reads > 1) {
                        // how far behind the read model was: the figure that says whether the bound is right
                        log.info("dossier {} showed version {} after {} reads, {} ms", dossierId, dossier.version(), reads,
                                Duration.between(start, Instant.now()).toMillis());
                    }
                    return new Read(dossier, false);
                }
                if (Instant.now().isAfter(giveUp)) {
                    log.warn("dossier {} still at version {} after {} ms, not {}: the page is shown as it is", dossierId, dossier.version(),
                            Duration.between(start, Instant.now()).toMillis(), seen);
                    return new Read(dossier, true);
                }
            } catch (ServiceProblem notThereYet) {
                // a dossier opened a moment ago is not in the read model yet: 404 only means "wait" after a write
                if (seen == null || notThereYet.status() != 404 || Instant.now().isAfter(giveUp)) {
                    throw notThereYet;
                }
            }
            pause();
        }
    }

    public Read current(String dossierId) {
        return atLeast(dossierId, null);
    }

    /** Puts the version a write answered into the redirect, for {@link #atLeast} on the page it leads to. */
    public static void carrySeen(RedirectAttributes redirect, JsonNode answer) {
        JsonNode version = answer == null ? null : answer.get("version");
        if (version != null && version.isNumber()) {
            redirect.addAttribute(SEEN, version.asLong());
        }
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
