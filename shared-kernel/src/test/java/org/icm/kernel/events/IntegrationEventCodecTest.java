package org.icm.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationEventCodecTest {

    record SampleStepRecorded(String measureId, String stage, LocalDate effectiveDate) implements IntegrationEvent {
        @Override
        public String subject() {
            return measureId;
        }
    }

    static final IntegrationEventType<SampleStepRecorded> SAMPLE =
            new IntegrationEventType<>("org.icm.policy.SampleStepRecorded.v1", Topic.POLICY, SampleStepRecorded.class);

    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), List.of(SAMPLE));

    @Test
    void wrapsAnEventInACloudEventsEnvelopeAndReadsItBack() {
        var event = new SampleStepRecorded("m-1", "TRILOGUE", LocalDate.of(2023, 12, 20));
        CloudEvent envelope = codec.envelope(SAMPLE, event, "evt-42", Instant.parse("2024-01-05T10:15:30Z"));

        byte[] bytes = codec.encode(envelope);
        CloudEvent read = codec.decode(bytes);

        assertThat(read.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(read.getId()).isEqualTo("evt-42");
        assertThat(read.getSource()).isEqualTo(URI.create("/icm/policy-service"));
        assertThat(read.getType()).isEqualTo("org.icm.policy.SampleStepRecorded.v1");
        assertThat(read.getSubject()).isEqualTo("m-1");
        assertThat(read.getTime().toInstant()).isEqualTo(Instant.parse("2024-01-05T10:15:30Z"));
        assertThat(codec.payload(read)).contains(event);
    }

    @Test
    void writesTheDataAsPlainJsonInsideTheEnvelope() {
        var envelope = codec.envelope(SAMPLE, new SampleStepRecorded("m-1", "ADOPTED", LocalDate.of(2024, 5, 14)),
                "evt-1", Instant.parse("2024-05-15T08:00:00Z"));

        String json = new String(codec.encode(envelope), StandardCharsets.UTF_8);

        assertThat(json).contains("\"specversion\":\"1.0\"")
                .contains("\"data\":{\"measureId\":\"m-1\",\"stage\":\"ADOPTED\",\"effectiveDate\":\"2024-05-14\"}");
    }

    @Test
    void ignoresFieldsAProducerAddedLater() {
        String json = """
                {"specversion":"1.0","id":"evt-7","source":"/icm/policy-service",
                 "type":"org.icm.policy.SampleStepRecorded.v1","subject":"m-9","datacontenttype":"application/json",
                 "data":{"measureId":"m-9","stage":"ADOPTED","effectiveDate":"2024-05-14","addedInALaterRelease":true}}
                """;

        var payload = codec.payload(codec.decode(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(payload).contains(new SampleStepRecorded("m-9", "ADOPTED", LocalDate.of(2024, 5, 14)));
    }

    @Test
    void answersEmptyForATypeItDoesNotKnow() {
        String json = """
                {"specversion":"1.0","id":"evt-8","source":"/icm/events-service","type":"org.icm.events.MeetingHeld.v1",
                 "datacontenttype":"application/json","data":{"meetingId":"x"}}
                """;

        assertThat(codec.payload(codec.decode(json.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void rejectsBytesThatAreNotACloudEvent() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDeserializationException.class);
    }

    @Test
    void refusesAnUnversionedTypeName() {
        assertThatThrownBy(() -> new IntegrationEventType<>("org.icm.policy.SampleStepRecorded", Topic.POLICY, SampleStepRecorded.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v<version>");
    }
}
