package org.icm.notification.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/**
 * Dead letters over real HTTP and the real broker: a poison record shows up in the focal points' list, can be discarded
 * or redriven (and, the cause still there, dies again as a new dead letter); a message that died of a cause since gone
 * is handled normally once redriven; only focal points may look or act.
 */
class DeadLetterApiTest extends NotificationTestBase {

    @Test
    void aPoisonRecordIsListedAndCanBeDiscardedWithAReason() {
        Person focalPoint = member(Role.FOCAL_POINT);
        Person participant = member();
        String key = UUID.randomUUID().toString();
        byte[] poison = ("not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        publisher().sendRaw(Topic.POLICY.topicName(), key, poison);

        Map<String, Object> listed = awaitListed(focalPoint, "WAITING", Base64.getEncoder().encodeToString(poison));
        String id = (String) listed.get("id");
        assertThat(id).startsWith(Topic.POLICY.topicName() + "-");
        assertThat(listed).containsEntry("originalTopic", Topic.POLICY.topicName()).containsEntry("key", key)
                .containsEntry("payloadEncoding", "BASE64").containsEntry("status", "WAITING");
        // what went wrong with this record, not the wrapper the batch listener names it with
        assertThat((String) listed.get("exceptionClass")).isEqualTo("io.cloudevents.core.format.EventDeserializationException");
        assertThat((String) listed.get("exceptionMessage")).isNotBlank();
        assertThat(listed.get("diedAt")).isNotNull();

        // a participant may neither look nor act
        assertThat(get("/dead-letters", participant).statusCode()).isEqualTo(403);
        assertThat(api().post("/dead-letters/" + id + "/discard", participant.token(), "{\"reason\":\"mine now\"}").statusCode()).isEqualTo(403);

        // a discard needs a reason: refused, naming the field, and nothing changes
        HttpResponse<String> noReason = api().post("/dead-letters/" + id + "/discard", focalPoint.token(), "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<List<String>>read(noReason.body(), "$.errors[*].field")).containsExactly("reason");
        assertThat(JsonPath.<String>read(get("/dead-letters/" + id, focalPoint).body(), "$.status")).isEqualTo("WAITING");

        HttpResponse<String> discarded = api().post("/dead-letters/" + id + "/discard", focalPoint.token(),
                "{\"reason\":\"test garbage, nothing to recover\"}");
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(discarded.body(), "$.status")).isEqualTo("DISCARDED");
        assertThat(JsonPath.<String>read(discarded.body(), "$.actedBy")).isEqualTo(focalPoint.id());
        assertThat(JsonPath.<String>read(discarded.body(), "$.reason")).isEqualTo("test garbage, nothing to recover");

        // no longer waiting: neither a second discard nor a redrive
        HttpResponse<String> again = api().post("/dead-letters/" + id + "/discard", focalPoint.token(), "{\"reason\":\"twice\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post("/dead-letters/" + id + "/redrive", focalPoint).statusCode()).isEqualTo(409);
        assertThat(ids(get("/dead-letters?status=DISCARDED&size=200", focalPoint))).contains(id);
        assertThat(ids(get("/dead-letters?status=WAITING&size=200", focalPoint))).doesNotContain(id);

        HttpResponse<String> unknown = post("/dead-letters/icm.policy.v1-0-999999999999/redrive", focalPoint);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/dead-letters?status=LOST", focalPoint).statusCode()).isEqualTo(400);
    }

    @Test
    void aRedrivenPoisonRecordDiesAgainAsANewDeadLetter() {
        Person focalPoint = member(Role.FOCAL_POINT);
        String key = UUID.randomUUID().toString();
        byte[] poison = ("still not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String payload = Base64.getEncoder().encodeToString(poison);
        publisher().sendRaw(Topic.POLICY.topicName(), key, poison);
        String first = (String) awaitListed(focalPoint, "WAITING", payload).get("id");

        HttpResponse<String> redriven = post("/dead-letters/" + first + "/redrive", focalPoint);

        assertThat(redriven.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(redriven.body(), "$.status")).isEqualTo("REDRIVEN");
        // the cause is still there: the same bytes, with the same key, die again at their new offset
        Map<String, Object> second = awaitListed(focalPoint, "WAITING", payload);
        assertThat(second.get("id")).isNotEqualTo(first);
        assertThat(second).containsEntry("key", key).containsEntry("originalTopic", Topic.POLICY.topicName());
        assertThat(JsonPath.<String>read(get("/dead-letters/" + first, focalPoint).body(), "$.status")).isEqualTo("REDRIVEN");
    }

    @Test
    void aMessageWhoseCauseIsGoneIsHandledOnceRedrivenAndRecordingItAgainChangesNothing() {
        Person focalPoint = member(Role.FOCAL_POINT);
        Person member = member();
        String dossier = dossier("Return Regulation", PolicyArea.RETURN, true);
        String eventId = UUID.randomUUID().toString();
        byte[] event = publisher().encode(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossier, "Return Regulation",
                PolicyArea.RETURN, "m-" + dossier, "Return Regulation", "2025/0059(COD)", ProcedureStage.PROPOSAL_ADOPTED,
                ProcedureStage.EP_MANDATE, java.time.LocalDate.parse("2026-02-20"), false), eventId);
        // a valid event that died earlier (say, of a bug since fixed), as the recoverer wrote it, with its CloudEvents content type
        long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        headers.put("kafka_dlt-original-topic", Topic.POLICY.topicName().getBytes(StandardCharsets.UTF_8));
        headers.put("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
        headers.put("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(offset).array());
        headers.put("kafka_dlt-exception-fqcn", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.put("kafka_dlt-exception-message", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
        publisher().sendRaw(Topic.DEAD_LETTERS.topicName(), dossier, event, headers);
        String id = Topic.POLICY.topicName() + "-1-" + offset;

        Map<String, Object> listed = awaitListed(focalPoint, "WAITING", new String(event, StandardCharsets.UTF_8));
        assertThat(listed).containsEntry("id", id).containsEntry("payloadEncoding", "JSON")
                .containsEntry("exceptionClass", "java.lang.IllegalStateException").containsEntry("exceptionMessage", "a bug since fixed");
        assertThat(JsonPath.<List<String>>read(get("/dead-letters/" + id, focalPoint).body(), "$.headers[*].name")).containsExactly("content-type");
        assertThat(feed(member)).isEmpty();

        assertThat(post("/dead-letters/" + id + "/redrive", focalPoint).statusCode()).isEqualTo(200);

        assertThat(awaitFeed(member, 1)).singleElement().satisfies(item -> assertThat(item.get("explanation"))
                .isEqualTo("Return Regulation moved from Proposal adopted to European Parliament mandate on 20 February 2026"));
        awaitProcessed(eventId);

        // the dead-letter topic read again (a replay, a redelivery): still one dead letter, still REDRIVEN
        publisher().sendRaw(Topic.DEAD_LETTERS.topicName(), dossier, event, headers);
        String marker = "marker " + UUID.randomUUID();
        publisher().sendRaw(Topic.DEAD_LETTERS.topicName(), "marker", marker.getBytes(StandardCharsets.UTF_8));
        awaitListed(focalPoint, "WAITING", Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> after = get("/dead-letters/" + id, focalPoint);
        assertThat(JsonPath.<String>read(after.body(), "$.status")).isEqualTo("REDRIVEN");
        assertThat(JsonPath.<String>read(after.body(), "$.actedBy")).isEqualTo(focalPoint.id());
        assertThat(ids(get("/dead-letters?size=200", focalPoint)).stream().filter(id::equals)).hasSize(1);
    }

    /** Waits for the dead letter with this payload among those of the status, newest first. */
    private Map<String, Object> awaitListed(Person focalPoint, String status, String payload) {
        HttpResponse<String> found = api().awaitGet("/dead-letters?size=200&status=" + status, focalPoint.token(),
                response -> response.statusCode() == 200 && !withPayload(response, payload).isEmpty());
        List<Map<String, Object>> items = withPayload(found, payload);
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    private static List<Map<String, Object>> withPayload(HttpResponse<String> response, String payload) {
        return JsonPath.<List<Map<String, Object>>>read(response.body(), "$.items").stream()
                .filter(item -> payload.equals(item.get("payload"))).toList();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.items[*].id");
    }

}
