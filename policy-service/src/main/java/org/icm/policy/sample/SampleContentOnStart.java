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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the sample dossiers when the service starts, in the name of the platform itself: at every start with
 * {@code icm.sample-content.load-on-start=true} (the launcher's {@code --sample-content}), and on the first start of an
 * empty event store with {@code icm.sample-content.load-on-first-start=true} (what the launcher sets unless
 * {@code --no-sample-content}), so a newcomer's platform shows real dossiers at once. Neither is set in production.
 */
@Component
class SampleContentOnStart {

    /** The platform acting on its own: nil ids, so the history says "the platform", not a person. */
    static final Actor PLATFORM = new Actor(new AccountId(new java.util.UUID(0, 0)), new OrganisationId(new java.util.UUID(0, 0)),
            Set.of(Role.FOCAL_POINT));
    private static final Logger log = LoggerFactory.getLogger(SampleContentOnStart.class);

    private final SampleContent sampleContent;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Environment environment;

    SampleContentOnStart(SampleContent sampleContent, Clock clock, JdbcTemplate jdbc, Environment environment) {
        this.sampleContent = sampleContent;
        this.clock = clock;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        boolean everyStart = environment.getProperty("icm.sample-content.load-on-start", Boolean.class, false);
        boolean firstStart = environment.getProperty("icm.sample-content.load-on-first-start", Boolean.class, false);
        if (everyStart || firstStart && eventStoreIsEmpty()) {
            SampleContent.Result result = sampleContent.load(PLATFORM, LocalDate.now(clock));
            log.info("Sample dossiers loaded: {}; already there: {}", result.loaded(), result.skipped());
        }
    }

    private boolean eventStoreIsEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from domain_event_entry)", Boolean.class));
    }
}
