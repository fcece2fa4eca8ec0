package org.icm.policy.sample;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.service.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code icm.sample-content.load-on-start=true} (the launcher's {@code --sample-content}), a fresh
 * platform loads the sample dossiers when it starts, in the name of the platform itself.
 */
@Component
@ConditionalOnBooleanProperty("icm.sample-content.load-on-start")
class SampleContentOnStart {

    /** The platform acting on its own: nil ids, so the history says "the platform", not a person. */
    static final Actor PLATFORM = new Actor(new AccountId(new java.util.UUID(0, 0)), new OrganisationId(new java.util.UUID(0, 0)),
            Set.of(Role.FOCAL_POINT));
    private static final Logger log = LoggerFactory.getLogger(SampleContentOnStart.class);

    private final SampleContent sampleContent;
    private final Clock clock;

    SampleContentOnStart(SampleContent sampleContent, Clock clock) {
        this.sampleContent = sampleContent;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        SampleContent.Result result = sampleContent.load(PLATFORM, LocalDate.now(clock));
        log.info("Sample dossiers loaded: {}; already there: {}", result.loaded(), result.skipped());
    }
}
