package org.icm.notification.consumption;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.icm.kernel.events.IntegrationEventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every integration topic, in one consumer group. The offset of a record is committed only after {@link EventHandling}
 * returned (ack mode RECORD); a record that throws is retried, then sent to the dead-letter topic
 * ({@link KafkaConsumption}).
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
            groupId = "${spring.kafka.consumer.group-id:notification-service}", concurrency = "${icm.notification.consumers:3}")
    public void on(ConsumerRecord<String, byte[]> record) {
        handling.handle(codec.decode(record.value()));
    }
}
