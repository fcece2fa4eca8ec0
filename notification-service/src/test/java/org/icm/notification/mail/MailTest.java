package org.icm.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.feed.Notification;
import org.icm.notification.support.NotificationTestBase;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail read back from the SMTP server: text and HTML, List-Unsubscribe with a signed one-click link that works without
 * signing in, and retries with a growing wait while the SMTP server fails, all in the delivery log.
 */
class MailTest extends NotificationTestBase {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void aMailGoesOnWithTheTraceOfTheChangeThatCausedIt() {
        Person member = member();
        subscribe(member, everythingBy("[\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Return Directive", PolicyArea.RETURN, true);
        // as policy-service publishes a step recorded in a focal point's request: the request's trace in the envelope
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        publisher().publishTraced(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossier, "Return Directive",
                PolicyArea.RETURN, "m-" + dossier, "Return Directive", "2018/0329(COD)", ProcedureStage.EP_COMMITTEE, ProcedureStage.EP_MANDATE,
                java.time.LocalDate.parse("2023-02-07"), false), "00-" + traceId + "-00f067aa0ba902b7-01");

        awaitMails(member.email(), 1);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        HttpResponse<String> log = api().awaitGet("/deliveries?accountId=" + member.id(), focalPoint,
                response -> response.body().contains("SENT"));
        // an operator follows the mail back to the click that caused it, in the trace viewer
        assertThat(ApiClient.<List<String>>read(log, "$[*].traceId")).containsExactly(traceId);
    }

    @Test
    void anImmediateMailHasTextAndHtmlAndAOneClickUnsubscribeThatWorksWithoutSigningIn() throws Exception {
        Person member = member();
        subscribe(member, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Anti-Trafficking Directive", PolicyArea.TRAFFICKING, true);

        stageChange(dossier, "Anti-Trafficking Directive", PolicyArea.TRAFFICKING, ProcedureStage.TRILOGUE,
                ProcedureStage.PROVISIONAL_AGREEMENT, "2024-01-24");

        MimeMessage mail = awaitMails(member.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[ICM] Anti-Trafficking Directive moved from Trilogue to Provisional agreement on 24 January 2024");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Anti-Trafficking Directive moved from Trilogue to Provisional agreement on 24 January 2024")
                .contains("https://icm.test/dossiers/" + dossier);
        assertThat(html).contains("<a href=\"https://icm.test/dossiers/" + dossier + "\"");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String listUnsubscribe = mail.getHeader("List-Unsubscribe", null);
        Matcher https = Pattern.compile("<(https://icm\\.test/api/notifications/unsubscribe\\?token=[^>]+)>").matcher(listUnsubscribe);
        assertThat(https.find()).as(listUnsubscribe).isTrue();
        assertThat(listUnsubscribe).contains("<mailto:");
        assertThat(text).contains(https.group(1));

        // a forged link (another account's id with this signature) is refused and changes nothing
        String token = URI.create(https.group(1)).getQuery().substring("token=".length());
        String forged = member().id() + token.substring(token.lastIndexOf('.'));
        HttpResponse<String> refused = oneClick(forged);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // the mail client's one-click POST, with no token of the platform
        HttpResponse<String> unsubscribed = oneClick(token);
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(get("/subscriptions/me", member).body(), "$.channels")).containsExactly("IN_APP");
        // GET shows a confirmation page and changes nothing by itself
        assertThat(send(HttpRequest.newBuilder(uri("/unsubscribe?token=" + token)).GET().build()).body()).contains("<form method=\"post\"");

        // from now on: in the feed, not by mail
        String next = stageChange(dossier, "Anti-Trafficking Directive", PolicyArea.TRAFFICKING, ProcedureStage.PROVISIONAL_AGREEMENT,
                ProcedureStage.ADOPTED, "2024-03-01");
        awaitFeed(member, 2);
        assertThat(mongo.findById("mail:" + Notification.id(next, member.id()), Delivery.class)).isNull();
    }

    @Test
    void whileTheSmtpServerFailsTheMailIsRetriedWithAGrowingWaitAndEveryAttemptIsLogged() throws Exception {
        Person member = member();
        Person focalPoint = member(org.icm.kernel.identity.Role.FOCAL_POINT);
        subscribe(member, everythingBy("[\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Screening Regulation", PolicyArea.BORDERS, true);
        int smtpPort = mailSender.getPort();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        mailSender.setPort(closedPort);
        String deliveryId;
        try {
            String event = stageChange(dossier, "Screening Regulation", PolicyArea.BORDERS, ProcedureStage.COUNCIL_MANDATE,
                    ProcedureStage.TRILOGUE, "2023-06-08");
            deliveryId = "mail:" + Notification.id(event, member.id());
            // the test clock stands still unless moved: each retry waits until the clock is moved past its time
            Delivery first = awaitAttempts(deliveryId, 1);
            assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(first.lastError()).contains("MailSendException");
            assertThat(first.sentAt()).isNull();
            assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMillis(300)));

            clock.advance(Duration.ofMillis(300));
            Delivery second = awaitAttempts(deliveryId, 2);
            assertThat(second.nextAttemptAt()).as("the wait doubles").isEqualTo(clock.instant().plus(Duration.ofMillis(600)));

            // the delivery log, for focal points only
            HttpResponse<String> log = get("/deliveries?accountId=" + member.id(), focalPoint);
            assertThat(log.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<String>read(log.body(), "$[0].status")).isEqualTo("PENDING");
            assertThat(JsonPath.<Integer>read(log.body(), "$[0].attempts")).isEqualTo(2);
            assertThat(JsonPath.<String>read(log.body(), "$[0].lastError")).contains("MailSendException");
            assertThat(get("/deliveries", member).statusCode()).isEqualTo(403);
        } finally {
            mailSender.setPort(smtpPort);
        }

        clock.advance(Duration.ofMillis(600));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(deliveryId, Delivery.class).status() == Delivery.Status.SENT);
        Delivery sent = mongo.findById(deliveryId, Delivery.class);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        assertThat(awaitMails(member.email(), 1)).hasSize(1);
        HttpResponse<String> log = get("/deliveries?accountId=" + member.id() + "&status=SENT", focalPoint);
        assertThat(JsonPath.<String>read(log.body(), "$[0].sentAt")).isNotBlank();
    }

    private Delivery awaitAttempts(String deliveryId, int attempts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Delivery d = mongo.findById(deliveryId, Delivery.class);
            return d != null && d.attempts() >= attempts;
        });
        Delivery delivery = mongo.findById(deliveryId, Delivery.class);
        assertThat(delivery.attempts()).isEqualTo(attempts);
        return delivery;
    }

    private HttpResponse<String> oneClick(String token) {
        return send(HttpRequest.newBuilder(uri("/unsubscribe?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
    }
}
