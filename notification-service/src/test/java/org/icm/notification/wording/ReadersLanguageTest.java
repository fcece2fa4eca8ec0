package org.icm.notification.wording;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.feed.Notification;
import org.icm.notification.routing.Kind;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/**
 * A notification is kept as a story (what happened, as data) and read in the reader's language: the feed in the
 * language the page asks for, mails in the account's (the one it signed up in, or the one it chose), with the
 * platform's stage words and dates written as the language writes them.
 */
class ReadersLanguageTest extends NotificationTestBase {

    private static final String MOVED_FR = "Reception Conditions Directive (recast)\u00a0: passage de \u00ab\u00a0Publi\u00e9e au Journal officiel\u00a0\u00bb "
            + "\u00e0 \u00ab\u00a0En application\u00a0\u00bb le 12 juin 2026";
    private static final String MOVED_EN = "Reception Conditions Directive (recast) moved from Published in the Official Journal to In application "
            + "on 12 June 2026";

    @Test
    void aMemberWhoSignedUpInFrenchGetsAStageChangeInFrenchByMailAndTheFeedFollowsThePagesLanguage() throws Exception {
        Person french = memberIn("fr");
        subscribe(french, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        String dossier = dossier("Reception Conditions Directive (recast)", PolicyArea.RECEPTION, true);

        stageChange(dossier, "Reception Conditions Directive (recast)", PolicyArea.RECEPTION, ProcedureStage.PUBLISHED_IN_OJ,
                ProcedureStage.IN_APPLICATION, "2026-06-12");

        MimeMessage mail = awaitMails(french.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[ICM] " + MOVED_FR);
        assertThat(part(mail, "text/plain")).startsWith("Bonjour Person ").contains(MOVED_FR)
                .doesNotContain("PUBLISHED_IN_OJ", "moved from", "Hello");
        assertThat(part(mail, "text/html")).startsWith("<html lang=\"fr\">");

        assertThat(line(feedIn(french, "fr"))).isEqualTo(MOVED_FR);
        assertThat(line(feedIn(french, "en-GB,en;q=0.8"))).isEqualTo(MOVED_EN);
        assertThat(line(feedIn(french, "de"))).as("a language the platform does not speak: English").isEqualTo(MOVED_EN);
        assertThat(JsonPath.<String>read(feedIn(french, "fr"), "$.items[0].story.key")).isEqualTo("measure.moved");
        assertThat(JsonPath.<String>read(feedIn(french, "fr"), "$.items[0].story.facts.newStage")).isEqualTo("IN_APPLICATION");
    }

    @Test
    void aMeasuresFirstStepReadsAsAFirstStepNeverNull() {
        Person member = member();
        String dossier = dossier("Crash probe dossier", PolicyArea.ASYLUM, true);

        publisher().publish(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossier, "Crash probe dossier",
                PolicyArea.ASYLUM, "m-first", "Crash probe measure", "2024/0002(COD)", null, ProcedureStage.PROPOSAL_ADOPTED,
                java.time.LocalDate.parse("2024-01-10"), false));

        awaitFeed(member, 1);
        assertThat(line(feedIn(member, "en"))).isEqualTo("Crash probe measure: first step, Proposal adopted, on 10 January 2024");
        assertThat(line(feedIn(member, "fr")))
                .isEqualTo("Crash probe measure\u00a0: premi\u00e8re \u00e9tape, \u00ab\u00a0Proposition adopt\u00e9e\u00a0\u00bb, le 10 janvier 2024");
    }

    @Test
    void aLanguageChosenInTheSubscriptionWinsOverTheOneSignedUpInAndAnUnknownOneIsRefused() throws Exception {
        Person member = memberIn("en");
        String wantsFrench = everythingBy("[\"EMAIL\"]", "IMMEDIATE").replace("\"emailRhythm\"", "\"language\":\"fr\",\"emailRhythm\"");
        String wantsGerman = wantsFrench.replace("\"fr\"", "\"de\"");

        HttpResponse<String> refused = put("/subscriptions/me", member, wantsGerman);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("language");
        assertThat(JsonPath.<Object>read(get("/subscriptions/me", member).body(), "$.language")).as("nothing changed").isNull();

        subscribe(member, wantsFrench);
        assertThat(JsonPath.<String>read(get("/subscriptions/me", member).body(), "$.language")).isEqualTo("fr");
        String dossier = dossier("Reception Conditions Directive (recast)", PolicyArea.RECEPTION, true);
        stageChange(dossier, "Reception Conditions Directive (recast)", PolicyArea.RECEPTION, ProcedureStage.PUBLISHED_IN_OJ,
                ProcedureStage.IN_APPLICATION, "2026-06-12");

        assertThat(awaitMails(member.email(), 1).getFirst().getSubject()).isEqualTo("[ICM] " + MOVED_FR);
    }

    @Test
    void aNotificationStoredBeforeStoriesStillReadsAsItWasWritten() {
        Person member = member();
        String old = "Return Regulation moved from PROPOSAL_ADOPTED to EP_MANDATE on 2026-02-20";
        mongo.insert(new Notification(Notification.id("stored-before-stories", member.id()), member.id(), Kind.MEASURE_STAGE_CHANGED, old,
                null, "/dossiers/d-old", "d-old", "Return Regulation", Instant.parse("2026-02-20T10:00:00Z"), Instant.now(), false, true,
                null, null));

        assertThat(line(feedIn(member, "fr"))).isEqualTo(old);
    }

    private HttpResponse<String> feedResponse(Person person, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri("/feed")).header("Authorization", "Bearer " + person.token())
                .header("Accept-Language", acceptLanguage).GET().build());
    }

    private String feedIn(Person person, String acceptLanguage) {
        HttpResponse<String> response = feedResponse(person, acceptLanguage);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String line(String feed) {
        return JsonPath.read(feed, "$.items[0].explanation");
    }
}
