package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.events.policy.RecommendationUptakeRecorded;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.Delivery;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A recommendation's uptake (policy-service's RecommendationUptakeRecorded, on the real broker) reaches the staff of the
 * organisations that endorse it, in their language, by their channels and rhythm, linked to the recommendation's uptake
 * trail; nobody else hears of it, not even a focal point or a member subscribed to everything; a correction says it is one.
 */
class RecommendationUptakeTest extends NotificationTestBase {

    private static final String PACT = "Pact on Migration and Asylum";
    private static final String REGULATION = "Asylum Procedure Regulation";
    private static final String REFLECTED_EN = "Your recommendation on Pact on Migration and Asylum: Reflected in Asylum Procedure Regulation, "
            + "European Parliament mandate (22 May 2018), see A8-0171/2018, amendment 123";
    private static final String REFLECTED_FR = "Votre recommandation sur Pact on Migration and Asylum\u00a0: \u00ab\u00a0Reprise\u00a0\u00bb dans "
            + "Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Mandat du Parlement europ\u00e9en\u00a0\u00bb (22 mai 2018), "
            + "voir A8-0171/2018, amendment 123";

    @Test
    void theStaffOfTheEndorsingOrganisationsHearOfItInTheirLanguageAndNobodyElse() throws Exception {
        Person endorser = member();
        Person endorserInFrench = memberIn("fr");
        Person colleagueOnDailyDigest = activate(endorser.organisation(), Role.PARTICIPANT);
        Person colleagueNotInterested = activate(endorser.organisation(), Role.PARTICIPANT);
        Person outsider = member();
        Person focalPointElsewhere = member(Role.FOCAL_POINT);
        subscribe(endorser, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        subscribe(endorserInFrench, only("RECOMMENDATION_UPTAKE", "[\"IN_APP\",\"EMAIL\"]"));
        // colleagueOnDailyDigest keeps the defaults of a new account: every kind, in the app, by a daily digest
        subscribe(colleagueNotInterested, only("MEASURE_STAGE_CHANGED", "[\"IN_APP\"]"));
        subscribe(outsider, everythingBy("[\"IN_APP\",\"EMAIL\"]", "IMMEDIATE"));
        subscribe(focalPointElsewhere, everythingBy("[\"IN_APP\"]", "IMMEDIATE"));
        String dossier = dossier(PACT, PolicyArea.ASYLUM, true);

        String uptake = publish(uptake(dossier, Uptake.REFLECTED, ProcedureStage.EP_MANDATE, "2018-05-22", "A8-0171/2018, amendment 123", false,
                endorser.organisation().toString(), endorserInFrench.organisation().toString()));
        // the dossier's key keeps the partition: once the step that follows reached them, the uptake had been handled
        String later = stageChange(dossier, REGULATION, PolicyArea.ASYLUM, ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.EP_MANDATE, "2018-05-22");

        assertThat(awaitFeed(outsider, 1)).as("the later step only").extracting(item -> item.get("kind")).containsExactly("MEASURE_STAGE_CHANGED");
        assertThat(awaitFeed(focalPointElsewhere, 1)).extracting(item -> item.get("kind")).containsExactly("MEASURE_STAGE_CHANGED");
        assertThat(awaitFeed(colleagueNotInterested, 1)).as("uptake not among its kinds").extracting(item -> item.get("kind"))
                .containsExactly("MEASURE_STAGE_CHANGED");
        awaitProcessed(later);
        assertThat(mongo.find(Query.query(where("accountId").in(outsider.id(), focalPointElsewhere.id(), colleagueNotInterested.id())
                .and("kind").is("RECOMMENDATION_UPTAKE")), Notification.class)).as("nothing written for them either").isEmpty();

        assertThat(awaitFeed(endorser, 2)).filteredOn(item -> "RECOMMENDATION_UPTAKE".equals(item.get("kind"))).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("explanation")).isEqualTo(REFLECTED_EN);
                    assertThat(item.get("link")).isEqualTo("/dossiers/" + dossier + "/recommendations/r-1/uptake");
                    assertThat(item.get("dossierTitle")).isEqualTo(PACT);
                });
        MimeMessage mail = awaitMail(endorser, "[ICM] " + REFLECTED_EN);
        assertThat(part(mail, "text/plain")).startsWith("Hello ").contains(REFLECTED_EN,
                "https://icm.test/dossiers/" + dossier + "/recommendations/r-1/uptake");

        assertThat(awaitFeed(endorserInFrench, 1)).singleElement().satisfies(item ->
                assertThat(item.get("link")).isEqualTo("/dossiers/" + dossier + "/recommendations/r-1/uptake"));
        assertThat(lines(feedIn(endorserInFrench, "fr"))).containsExactly(REFLECTED_FR);
        MimeMessage french = awaitMail(endorserInFrench, "[ICM] " + REFLECTED_FR);
        assertThat(part(french, "text/plain")).startsWith("Bonjour ").contains(REFLECTED_FR).doesNotContain("Your recommendation");

        // the defaults: in the feed at once, by mail in the day's digest (no mail of its own)
        assertThat(awaitFeed(colleagueOnDailyDigest, 2)).extracting(item -> item.get("explanation")).contains(REFLECTED_EN);
        Notification digested = mongo.findById(Notification.id(uptake, colleagueOnDailyDigest.id()), Notification.class);
        assertThat(digested).isNotNull().extracting(Notification::digest).isEqualTo(Rhythm.DAILY_DIGEST);
        assertThat(mongo.find(Query.query(where("accountId").is(colleagueOnDailyDigest.id())), Delivery.class)).isEmpty();
    }

    @Test
    void aCorrectionSaysItIsOneAndAReferenceNotGivenIsLeftOut() {
        Person endorser = member();
        subscribe(endorser, only("RECOMMENDATION_UPTAKE", "[\"IN_APP\"]"));
        String dossier = dossier(PACT, PolicyArea.ASYLUM, true);

        publish(uptake(dossier, Uptake.NOT_REFLECTED, ProcedureStage.COUNCIL_MANDATE, "2023-12-20", null, false, endorser.organisation().toString()));
        publish(uptake(dossier, Uptake.PARTIALLY_REFLECTED, ProcedureStage.COUNCIL_MANDATE, "2023-12-20", "ST 16486/23, Article 53", true,
                endorser.organisation().toString()));

        assertThat(awaitFeed(endorser, 2)).extracting(item -> item.get("explanation")).containsExactlyInAnyOrder(
                "Your recommendation on Pact on Migration and Asylum: Not reflected in Asylum Procedure Regulation, Council mandate "
                        + "(20 December 2023)",
                "Your recommendation on Pact on Migration and Asylum: uptake corrected to Partly reflected in Asylum Procedure Regulation, "
                        + "Council mandate (20 December 2023), see ST 16486/23, Article 53");
        assertThat(lines(feedIn(endorser, "fr"))).contains("Votre recommandation sur Pact on Migration and Asylum\u00a0: reprise corrig\u00e9e en "
                + "\u00ab\u00a0Reprise en partie\u00a0\u00bb dans Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Mandat du Conseil\u00a0\u00bb "
                + "(20 d\u00e9cembre 2023), voir ST 16486/23, Article 53");
    }

    /** One kind only, by these channels at once. */
    private static String only(String kind, String channels) {
        return """
                {"kinds":["%s"],"dossiers":[],"policyAreas":[],"rights":[],"channels":%s,"emailRhythm":"IMMEDIATE"}""".formatted(kind, channels);
    }

    private static RecommendationUptakeRecorded uptake(String dossier, Uptake uptake, ProcedureStage stage, String effectiveDate, String reference,
                                                       boolean correction, String... endorsements) {
        return new RecommendationUptakeRecorded(dossier, PACT, PolicyArea.ASYLUM, "r-1", "Exempt children from border procedures",
                "m-" + dossier, REGULATION, "s-" + stage, stage, LocalDate.parse(effectiveDate), uptake, reference, List.of(endorsements),
                correction);
    }

    private String publish(RecommendationUptakeRecorded uptake) {
        return publisher().publish(PolicyIntegrationEvents.RECOMMENDATION_UPTAKE_RECORDED, uptake);
    }

    private static MimeMessage awaitMail(Person person, String subject) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> mailsTo(person.email()).stream()
                .anyMatch(mail -> subject.equals(subjectOf(mail))));
        return mailsTo(person.email()).stream().filter(mail -> subject.equals(subjectOf(mail))).findFirst().orElseThrow();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String feedIn(Person person, String acceptLanguage) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/feed?size=100")).header("Authorization", "Bearer " + person.token())
                .header("Accept-Language", acceptLanguage).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> lines(String feed) {
        List<Map<String, Object>> items = JsonPath.read(feed, "$.items");
        return items.stream().map(item -> (String) item.get("explanation")).toList();
    }
}
