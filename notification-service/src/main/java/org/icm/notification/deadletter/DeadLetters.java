package org.icm.notification.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.icm.notification.deadletter.DeadLetter.PayloadEncoding;
import org.icm.notification.deadletter.DeadLetter.Status;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * What focal points do with dead letters: list them, look at one, send one back to its topic (redrive) or set it
 * aside (discard). Only a WAITING dead letter can be acted on, and the move out of WAITING is one conditional update,
 * so two focal points clicking at once cannot both redrive it.
 */
@Service
public class DeadLetters {

    /** Why an action was refused; the controller turns it into problem+json. */
    public static final class Refused extends RuntimeException {
        private final boolean missing;

        Refused(boolean missing, String message) {
            super(message);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }

    /** The broker did not take a redriven message; the dead letter waits again. */
    public static final class NotSent extends RuntimeException {
        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    DeadLetters(MongoTemplate mongo, @Qualifier("deadLetterKafkaTemplate") KafkaTemplate<String, byte[]> kafka, Clock clock,
                MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.clock = clock;
        Gauge.builder("icm.dead.letters.waiting", this, letters -> letters.count(Status.WAITING))
                .description("integration events this service could not handle, waiting for a focal point").register(meters);
    }

    public List<DeadLetter> page(Status status, int page, int size) {
        return mongo.find(filter(status).with(Sort.by(Sort.Order.desc("diedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), DeadLetter.class);
    }

    public long count(Status status) {
        return mongo.count(filter(status), DeadLetter.class);
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    /**
     * Publishes the original value, key and headers to the original topic, where the normal listener handles it (or,
     * if the cause is still there, dead-letters it again, as a new dead letter at its new offset).
     */
    public DeadLetter redrive(String id, String actor) {
        if (find(id).map(d -> d.originalTopic() == null).orElse(false)) {
            throw new Refused(false, "Dead letter " + id + " does not say which topic it came from: it can only be discarded.");
        }
        DeadLetter claimed = leaveWaiting(id, Status.REDRIVEN, actor, null);
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(claimed.originalTopic(), claimed.key(), originalValue(claimed));
            claimed.headers().forEach(header -> record.headers().add(header.name(), Base64.getDecoder().decode(header.valueBase64())));
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // not sent: it waits again, so nobody believes it was redriven
            mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("status", Status.WAITING).unset("actedBy").unset("actedAt"),
                    DeadLetter.class);
            throw new NotSent("The broker did not take the redriven message; it waits again: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return claimed;
    }

    public DeadLetter discard(String id, String actor, String reason) {
        return leaveWaiting(id, Status.DISCARDED, actor, reason);
    }

    private DeadLetter leaveWaiting(String id, Status to, String actor, String reason) {
        Update update = new Update().set("status", to).set("actedBy", actor).set("actedAt", clock.instant());
        if (reason != null) {
            update.set("reason", reason);
        }
        DeadLetter moved = mongo.findAndModify(Query.query(where("_id").is(id).and("status").is(Status.WAITING)), update,
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class);
        if (moved != null) {
            return moved;
        }
        DeadLetter existing = mongo.findById(id, DeadLetter.class);
        if (existing == null) {
            throw new Refused(true, "There is no dead letter " + id + ".");
        }
        throw new Refused(false, "Dead letter " + id + " is " + existing.status() + ", no longer WAITING: only a waiting one can be acted on.");
    }

    private static Query filter(Status status) {
        return status == null ? new Query() : Query.query(where("status").is(status));
    }

    private static byte[] originalValue(DeadLetter deadLetter) {
        return deadLetter.payloadEncoding() == PayloadEncoding.JSON ? deadLetter.payload().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(deadLetter.payload());
    }
}
