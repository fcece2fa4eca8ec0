package org.icm.notification.personaldata;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.icm.kernel.privacy.PersonalData;
import org.icm.notification.mail.Delivery;
import org.icm.service.scheduling.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery log keeps a mail's address and text {@code icm.personal-data.retention.delivery-log} after it was queued
 * (90 days by default), long enough to look into a delivery problem; then they read "erased person", and the entry
 * keeps only what is no one's: its account id, subject, status and attempts. A mail still waiting to be sent is kept.
 */
@Component
class DeliveryLogRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final ScheduledJobs jobs;

    DeliveryLogRetention(MongoTemplate mongo, Clock clock, @Value("${icm.personal-data.retention.delivery-log:P90D}") Duration retention,
                         ScheduledJobs jobs) {
        this.jobs = jobs;
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${icm.personal-data.retention.first-check:PT2M}", fixedDelayString = "${icm.personal-data.retention.check-every:PT1H}")
    void forgetOldAddresses() {
        jobs.runAlone("delivery-log-retention", Duration.ofHours(1), () -> forgetOldAddresses(clock.instant()));
    }

    /** Answers how many entries were made anonymous. */
    long forgetOldAddresses(Instant now) {
        Query old = Query.query(where("createdAt").lt(now.minus(retention)).and("status").ne(Delivery.Status.PENDING)
                .and("to").ne(PersonalData.ERASED));
        long forgotten = mongo.updateMulti(old, new Update().set("to", PersonalData.ERASED).set("text", PersonalData.ERASED)
                .set("html", PersonalData.ERASED).set("unsubscribeUrl", null), Delivery.class).getModifiedCount();
        if (forgotten > 0) {
            log.info("the delivery log forgot the addresses and texts of {} mails past their retention", forgotten);
        }
        return forgotten;
    }
}
