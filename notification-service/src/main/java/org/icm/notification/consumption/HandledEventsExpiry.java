package org.icm.notification.consumption;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.icm.notification.routing.Happening;
import org.icm.service.scheduling.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The records that make handling an event idempotent (which events were processed, what each meant to subscribers)
 * are needed only while Kafka may deliver the event again, so they expire after {@code icm.notification.handled-events.keep}
 * (30 days by default; keep it longer than the topics' retention, 7 days). A scheduled purge rather than a TTL index,
 * so it runs alike on MongoDB and on the local platform's MongoDB-wire server, which does not expire documents.
 */
@Component
class HandledEventsExpiry {

    private static final Logger log = LoggerFactory.getLogger(HandledEventsExpiry.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration keep;
    private final ScheduledJobs jobs;

    HandledEventsExpiry(MongoTemplate mongo, Clock clock, @Value("${icm.notification.handled-events.keep:P30D}") Duration keep,
                        ScheduledJobs jobs) {
        this.jobs = jobs;
        this.mongo = mongo;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "${icm.notification.handled-events.first-check:PT3M}",
            fixedDelayString = "${icm.notification.handled-events.check-every:PT1H}")
    void expire() {
        jobs.runAlone("handled-events-expiry", Duration.ofHours(1), () -> expire(clock.instant()));
    }

    /** Answers how many records expired. */
    long expire(Instant now) {
        Instant before = now.minus(keep);
        long processed = mongo.remove(Query.query(where("at").lt(before)), EventHandling.Processed.class).getDeletedCount();
        long happenings = mongo.remove(Query.query(where("occurredAt").lt(before)), Happening.class).getDeletedCount();
        if (processed + happenings > 0) {
            log.info("expired {} processed-event marks and {} happenings older than {}", processed, happenings, keep);
        }
        return processed + happenings;
    }
}
