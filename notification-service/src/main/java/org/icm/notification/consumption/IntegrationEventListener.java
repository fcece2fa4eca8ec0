package org.icm.notification.consumption;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.icm.kernel.events.IntegrationEventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Every integration topic, in one consumer group, a batch of records (what one poll brought) at a time. The offsets of a
 * batch are committed only after {@link EventHandling} returned for all of it (ack mode BATCH). When a record fails, the
 * records before it are handled and committed, and the failed one is retried, then sent to the dead-letter topic, and the
 * ones after it follow ({@link KafkaConsumption}: {@link BatchListenerFailedException} names the record).
 */
@Component
public class IntegrationEventListener {

    public static final String ID = "integration-events";

    private final IntegrationEventCodec codec;
    private final EventHandling handling;

    public IntegrationEventListener(IntegrationEventCodec codec, EventHandling handling) {
        this.codec = codec;
        this.handling = handling;
    }

    @KafkaListener(id = ID, topics = {"#{T(org.icm.kernel.events.Topic).MEMBERSHIP.topicName()}",
            "#{T(org.icm.kernel.events.Topic).POLICY.topicName()}", "#{T(org.icm.kernel.events.Topic).EVENTS.topicName()}"},
            groupId = "${spring.kafka.consumer.group-id:notification-service}", concurrency = "${icm.notification.consumers:3}",
            batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        List<CloudEvent> envelopes = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                envelopes.add(codec.decode(record.value()));
            } catch (RuntimeException e) {
                // the records before it are handled first; this one then fails alone
                unreadable = e;
                break;
            }
        }
        try {
            handling.handle(envelopes);
        } catch (EventHandling.Failed failed) {
            throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), records.get(failed.index()));
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(String.valueOf(unreadable.getMessage()), unreadable, records.get(envelopes.size()));
        }
    }
}
