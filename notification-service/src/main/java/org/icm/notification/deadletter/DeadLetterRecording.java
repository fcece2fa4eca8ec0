package org.icm.notification.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.icm.notification.deadletter.DeadLetter.OriginalHeader;
import org.icm.notification.deadletter.DeadLetter.PayloadEncoding;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record of the dead-letter topic into a {@link DeadLetter}, with an upsert that only sets fields on insert: a
 * replay of the topic, or a redelivery, leaves a dead letter a focal point already acted on as it is.
 */
@Component
class DeadLetterRecording {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;

    DeadLetterRecording(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String originalTopic = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Integer originalPartition = number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION) instanceof Long p ? p.intValue() : null;
        Long originalOffset = number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        // a record put on the topic by hand may lack the coordinates: then its own place on the dead-letter topic names it
        String id = originalTopic != null && originalPartition != null && originalOffset != null
                ? originalTopic + "-" + originalPartition + "-" + originalOffset
                : record.topic() + "-" + record.partition() + "-" + record.offset();
        String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        boolean json = isUtf8Json(value);

        Update insert = new Update()
                .setOnInsert("originalTopic", originalTopic)
                .setOnInsert("originalPartition", originalPartition)
                .setOnInsert("originalOffset", originalOffset)
                .setOnInsert("key", record.key())
                .setOnInsert("payload", json ? new String(value, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(value))
                .setOnInsert("payloadEncoding", json ? PayloadEncoding.JSON : PayloadEncoding.BASE64)
                .setOnInsert("headers", originalHeaders(headers))
                .setOnInsert("exceptionClass", cause != null ? cause : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .setOnInsert("exceptionMessage", text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .setOnInsert("diedAt", Instant.ofEpochMilli(record.timestamp()))
                .setOnInsert("status", DeadLetter.Status.WAITING);
        mongo.upsert(Query.query(where("_id").is(id)), insert, DeadLetter.class);
    }

    /** The headers the record had before it died (the recoverer adds its own, which a redrive must not carry). */
    private static List<OriginalHeader> originalHeaders(Headers headers) {
        List<OriginalHeader> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith("kafka_dlt-")) {
                kept.add(new OriginalHeader(header.key(), Base64.getEncoder().encodeToString(header.value() == null ? new byte[0] : header.value())));
            }
        }
        return kept;
    }

    static boolean isUtf8Json(byte[] value) {
        if (value.length == 0) {
            return false;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            JSON.readTree(text);
            return true;
        } catch (CharacterCodingException | JacksonException notJson) {
            return false;
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes partition (int) and offset (long) as big-endian bytes. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(bytes).getInt();
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            default -> null;
        };
    }
}
