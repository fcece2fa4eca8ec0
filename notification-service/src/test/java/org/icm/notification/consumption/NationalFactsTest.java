package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.NationalImplementationRecorded.Fact;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/**
 * National facts (policy-service's NationalImplementationRecorded, on the real broker) reach those who follow their
 * country, or every country, in their language; those who follow other countries hear nothing of them; a fact on a
 * dossier in draft stays with the network's members, as the dossier's other news does.
 */
class NationalFactsTest extends NotificationTestBase {

    private static final String DIRECTIVE = "Reception Conditions Directive (recast)";
    private static final String GREEK_MEASURE_EN = "Greece: national measure recorded for Reception Conditions Directive (recast): "
            + "Law 5089/2026 (fictional) (\u03a6\u0395\u039a \u0391 12/2026), adopted on 1 October 2026";
    private static final String GREEK_MEASURE_FR = "Gr\u00e8ce\u00a0: mesure nationale enregistr\u00e9e pour Reception Conditions Directive (recast)\u00a0: "
            + "Law 5089/2026 (fictional) (\u03a6\u0395\u039a \u0391 12/2026), adopt\u00e9e le 1 octobre 2026";

    @Test
    void aMemberFollowingGreeceHearsOfAGreekNationalMeasureInItsLanguageAndOneFollowingOnlyFranceDoesNot() throws Exception {
        Person followsGreece = member();
        Person followsGreeceInFrench = memberIn("fr");
        Person followsOnlyFrance = member();
        subscribe(followsGreece, following("[\"GR\"]", "[\"IN_APP\"]"));
        subscribe(followsGreeceInFrench, following("[\"GR\"]", "[\"IN_APP\",\"EMAIL\"]"));
        subscribe(followsOnlyFrance, following("[\"FR\"]", "[\"IN_APP\"]"));
        String dossier = dossier(DIRECTIVE, PolicyArea.RECEPTION, true);

        nationalMeasure(dossier, "GR", "Law 5089/2026 (fictional)", "\u03a6\u0395\u039a \u0391 12/2026", "2026-10-01");
        // the dossier's key keeps the partition: once France's fact reached its follower, Greece's had been handled
        nationalMeasure(dossier, "FR", "Loi n\u00b0 2026-123 (fictional)", null, "2026-10-02");

        assertThat(awaitFeed(followsOnlyFrance, 1)).singleElement().satisfies(item -> {
            assertThat(item.get("explanation")).isEqualTo("France: national measure recorded for Reception Conditions Directive (recast): "
                    + "Loi n\u00b0 2026-123 (fictional), adopted on 2 October 2026");
            assertThat(item.get("kind")).isEqualTo("NATIONAL_IMPLEMENTATION");
        });
        assertThat(feed(followsGreece)).singleElement().satisfies(item -> {
            assertThat(item.get("explanation")).isEqualTo(GREEK_MEASURE_EN);
            assertThat(item.get("link")).isEqualTo("/dossiers/" + dossier);
            assertThat(item.get("dossierTitle")).isEqualTo(DIRECTIVE);
        });
        assertThat(feed(followsGreeceInFrench)).extracting(item -> item.get("link")).containsExactly("/dossiers/" + dossier);
        assertThat(line(feedIn(followsGreeceInFrench, "fr"))).isEqualTo(GREEK_MEASURE_FR);
        MimeMessage mail = awaitMails(followsGreeceInFrench.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[ICM] " + GREEK_MEASURE_FR);
        assertThat(part(mail, "text/plain")).startsWith("Bonjour ").contains(GREEK_MEASURE_FR).doesNotContain("Greece", "national measure recorded");
    }

    @Test
    void aTranspositionDeclaredAndAnInfringementStepReadAsWhatChangedAndACorrectionSaysItIsOne() {
        Person followsGreece = member();
        subscribe(followsGreece, following("[\"GR\"]", "[\"IN_APP\"]"));
        String dossier = dossier(DIRECTIVE, PolicyArea.RECEPTION, true);

        publish(new NationalImplementationRecorded(dossier, DIRECTIVE, PolicyArea.RECEPTION, "m-" + dossier, DIRECTIVE, MeasureType.DIRECTIVE,
                "GR", Fact.TRANSPOSITION_STATUS, null, null, null, null, TranspositionStatus.NOT_NOTIFIED,
                TranspositionStatus.PARTIAL, null, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-06-12"),
                "org-gr", false));
        publish(new NationalImplementationRecorded(dossier, DIRECTIVE, PolicyArea.RECEPTION, "m-" + dossier, DIRECTIVE, MeasureType.DIRECTIVE,
                "GR", Fact.INFRINGEMENT_STEP, null, null, "INFR(2026)2145", null, null, null,
                InfringementStage.REASONED_OPINION, LocalDate.parse("2026-11-05"), LocalDate.parse("2026-06-12"),
                "org-gr", false));
        publish(new NationalImplementationRecorded(dossier, DIRECTIVE, PolicyArea.RECEPTION, "m-" + dossier, DIRECTIVE, MeasureType.DIRECTIVE,
                "GR", Fact.NATIONAL_MEASURE, NationalMeasureKind.TRANSPOSITION_MEASURE, "Law 5089/2026 (fictional)", "\u03a6\u0395\u039a \u0391 13/2026",
                null, null, null, null, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-06-12"), "org-gr", true));

        assertThat(awaitFeed(followsGreece, 3)).extracting(item -> item.get("explanation")).containsExactlyInAnyOrder(
                "Greece declared its transposition of Reception Conditions Directive (recast): Partly transposed (was: Not notified), "
                        + "as of 1 October 2026",
                "Greece: Reasoned opinion in infringement INFR(2026)2145 about Reception Conditions Directive (recast), on 5 November 2026",
                "Greece: national measure for Reception Conditions Directive (recast) corrected: Law 5089/2026 (fictional) "
                        + "(\u03a6\u0395\u039a \u0391 13/2026), adopted on 1 October 2026");
    }

    @Test
    void aNationalFactOnADossierInDraftReachesMembersOnly() {
        Person member = member();
        Person applicant = applicant();
        subscribe(applicant, following("[\"GR\"]", "[\"IN_APP\"]"));
        String draft = dossier("Draft position on guardianship", PolicyArea.GUARDIANSHIP, false);
        String published = dossier(DIRECTIVE, PolicyArea.RECEPTION, true);

        String draftFact = nationalMeasure(draft, "GR", "Law 1/2026 (fictional)", null, "2026-01-10");
        String publicFact = nationalMeasure(published, "GR", "Law 2/2026 (fictional)", null, "2026-01-11");
        // both handled (they have different keys, so maybe different partitions): whatever was to reach a feed has
        awaitProcessed(draftFact);
        awaitProcessed(publicFact);

        assertThat(awaitFeed(member, 2)).extracting(item -> item.get("link"))
                .containsExactlyInAnyOrder("/dossiers/" + draft, "/dossiers/" + published);
        assertThat(awaitFeed(applicant, 1)).extracting(item -> item.get("link")).containsExactly("/dossiers/" + published);
    }

    /** National news only, of these countries, by these channels at once. */
    private static String following(String countries, String channels) {
        return """
                {"kinds":["NATIONAL_IMPLEMENTATION"],"dossiers":[],"policyAreas":[],"rights":[],"countries":%s,"channels":%s,
                 "emailRhythm":"IMMEDIATE"}""".formatted(countries, channels);
    }

    private String nationalMeasure(String dossier, String country, String title, String reference, String adoptedOn) {
        return publish(new NationalImplementationRecorded(dossier, DIRECTIVE, PolicyArea.RECEPTION, "m-" + dossier, DIRECTIVE,
                MeasureType.DIRECTIVE, country, Fact.NATIONAL_MEASURE, NationalMeasureKind.TRANSPOSITION_MEASURE, title, reference,
                null, null, null, null, LocalDate.parse(adoptedOn), LocalDate.parse("2026-06-12"), "org-" + country, false));
    }

    private String publish(NationalImplementationRecorded fact) {
        return publisher().publish(PolicyIntegrationEvents.NATIONAL_IMPLEMENTATION_RECORDED, fact);
    }

    private String feedIn(Person person, String acceptLanguage) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/feed")).header("Authorization", "Bearer " + person.token())
                .header("Accept-Language", acceptLanguage).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String line(String feed) {
        return JsonPath.read(feed, "$.items[0].explanation");
    }
}
