package org.icm.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.BlockingQueue;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.icm.testing.LineSubscriber;
import org.junit.jupiter.api.Test;

/** The in-app feed over real HTTP: unread first, paged, mark read, and live over Server-Sent Events. */
class FeedApiTest extends NotificationTestBase {

    @Test
    void listsUnreadFirstInPagesAndMarksOneOrAllRead() {
        Person member = member();
        String dossier = dossier("Child Guarantee", PolicyArea.SOCIAL_INCLUSION, true);
        for (int i = 1; i <= 5; i++) {
            stageChange(dossier, "Measure " + i, PolicyArea.SOCIAL_INCLUSION, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED,
                    "2026-01-0" + i);
        }
        List<Map<String, Object>> all = awaitFeed(member, 5);
        String someId = (String) all.get(2).get("id");

        assertThat(post("/feed/" + someId + "/read", member).statusCode()).isEqualTo(204);

        HttpResponse<String> first = get("/feed?page=0&size=2", member);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(first.body(), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(first.body(), "$.unread")).isEqualTo(4);
        List<Map<String, Object>> pages = new java.util.ArrayList<>(JsonPath.read(first.body(), "$.items"));
        pages.addAll(JsonPath.read(get("/feed?page=1&size=2", member).body(), "$.items"));
        pages.addAll(JsonPath.read(get("/feed?page=2&size=2", member).body(), "$.items"));
        assertThat(pages).hasSize(5);
        // the read one comes last; the unread ones before it
        assertThat(pages.getLast().get("id")).isEqualTo(someId);
        assertThat(pages.subList(0, 4)).allSatisfy(item -> assertThat(item.get("read")).isEqualTo(false));

        HttpResponse<String> allRead = post("/feed/read-all", member);
        assertThat(JsonPath.<Integer>read(allRead.body(), "$.marked")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(get("/feed", member).body(), "$.unread")).isZero();
    }

    @Test
    void anAccountCannotTouchAnotherAccountsNotifications() {
        Person owner = member();
        Person other = member();
        String dossier = dossier("Guardianship standards", PolicyArea.GUARDIANSHIP, true);
        stageChange(dossier, "Guardianship", PolicyArea.GUARDIANSHIP, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED, "2026-01-01");
        String ownersId = (String) awaitFeed(owner, 1).getFirst().get("id");
        awaitFeed(other, 1);

        HttpResponse<String> refused = post("/feed/" + ownersId + "/read", other);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(feed(owner).getFirst().get("read")).isEqualTo(false);
        assertThat(get("/feed?size=0", owner).statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(uri("/feed")).GET().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void newNotificationsArriveLiveOverServerSentEvents() throws Exception {
        Person member = member();
        String dossier = dossier("Family Reunification Directive", PolicyArea.FAMILY_REUNIFICATION, true);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/feed/stream")).header("Authorization", "Bearer " + member.token())
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Void>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new LineSubscriber(lines::add)));
        try {
            // the stream says it is open before anything happens (the response future itself completes only with the body)
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");

            stageChange(dossier, "Family Reunification Directive", PolicyArea.FAMILY_REUNIFICATION, ProcedureStage.EP_MANDATE,
                    ProcedureStage.TRILOGUE, "2026-02-14");

            String event = null;
            String data = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data = line.substring("data:".length()).trim();
                }
            }
            assertThat(event).isEqualTo("notification");
            assertThat(data).isNotNull();
            assertThat(JsonPath.<String>read(data, "$.explanation"))
                    .isEqualTo("Family Reunification Directive moved from European Parliament mandate to Trilogue on 14 February 2026");
            assertThat(JsonPath.<String>read(data, "$.link")).isEqualTo("/dossiers/" + dossier);
        } finally {
            response.cancel(true);
        }
    }
}
