package org.icm.notification.deadletter;

import java.time.Instant;
import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message this service could not handle, as a focal point sees it and acts on it. Its id is its original
 * coordinates ({@code topic-partition-offset}), so reading the dead-letter topic again records nothing twice.
 *
 * @param payload         the original value: its text when it is UTF-8 JSON, else base64 ({@link #payloadEncoding})
 * @param headers         the original record's headers (CloudEvents and tracing), given back on a redrive
 * @param exceptionClass  the class of the error that killed it (its cause when the listener wrapped it)
 * @param diedAt          when it reached the dead-letter topic
 */
@Document("deadLetters")
public record DeadLetter(@Id String id, String originalTopic, Integer originalPartition, Long originalOffset, String key,
                         String payload, PayloadEncoding payloadEncoding, List<OriginalHeader> headers, String exceptionClass,
                         String exceptionMessage, Instant diedAt, Status status, String actedBy, Instant actedAt,
                         @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) {

    public enum Status { WAITING, REDRIVEN, DISCARDED }

    public enum PayloadEncoding { JSON, BASE64 }

    /** One header of the original record; the value in base64 because headers are bytes. */
    public record OriginalHeader(@NotPersonal(NotPersonal.TECHNICAL) String name, String valueBase64) {
    }
}
