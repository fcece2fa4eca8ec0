package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.calendar.BulletinPosted;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.calendar.ConsultationDeadlineChanged;
import org.icm.kernel.events.calendar.ConsultationOpened;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/**
 * Events published on the real broker reach the accounts that may see them and want them, each notification saying
 * what changed and where; events that change nothing, repeats and unknown types reach nobody.
 */
class AudienceAndExplanationTest extends NotificationTestBase {

    @Test
    void aStageChangeOfAPublishedDossierReachesMembersAndTheSubscribedPublicWithWhatChangedAndALink() {
        Person member = member();
        Person applicant = applicant();
        String dossier = dossier("Asylum Procedure Regulation", PolicyArea.ASYLUM, true);

        stageChange(dossier, "Asylum Procedure Regulation", PolicyArea.ASYLUM, ProcedureStage.TRILOGUE, ProcedureStage.PROVISIONAL_AGREEMENT,
                "2023-12-20");

        for (Person person : List.of(member, applicant)) {
            Map<String, Object> item = awaitFeed(person, 1).getFirst();
            assertThat(item.get("explanation"))
                    .isEqualTo("Asylum Procedure Regulation moved from Trilogue to Provisional agreement on 20 December 2023");
            assertThat(item.get("link")).isEqualTo("/dossiers/" + dossier);
            assertThat(item.get("kind")).isEqualTo("MEASURE_STAGE_CHANGED");
            assertThat(item.get("read")).isEqualTo(false);
        }
    }

    @Test
    void whatHappensToADossierInDraftReachesMembersOnly() {
        Person member = member();
        Person applicant = applicant();
        String draft = dossier("Draft position on detention", PolicyArea.DETENTION, false);
        String published = dossier("Published position on reception", PolicyArea.RECEPTION, true);

        stageChange(draft, "Detention Directive", PolicyArea.DETENTION, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED, "2026-01-10");
        // a later public change: once it is in the applicant's feed, the draft one had its chance to arrive
        stageChange(published, "Reception Directive", PolicyArea.RECEPTION, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED,
                "2026-01-11");

        assertThat(awaitFeed(member, 2)).extracting(i -> i.get("link")).containsExactlyInAnyOrder("/dossiers/" + draft, "/dossiers/" + published);
        assertThat(awaitFeed(applicant, 1)).extracting(i -> i.get("link")).containsExactly("/dossiers/" + published);
    }

    @Test
    void bulletinsAreForMembersAndApplicationsForFocalPointsOnly() {
        Person member = member();
        Person focalPoint = member(Role.FOCAL_POINT);
        Person applicantStaff = applicant();
        String bulletin = UUID.randomUUID().toString();
        OrganisationId applying = OrganisationId.random();

        publisher().publish(CalendarIntegrationEvents.BULLETIN_POSTED, new BulletinPosted(bulletin, BulletinKind.EU_DEVELOPMENT,
                "Council agrees its mandate", "text", member.id(), member.organisation().toString(), List.of()));
        publisher().publish(MembershipIntegrationEvents.ORGANISATION_APPLIED, new OrganisationApplied(applying.toString(), "Kids First",
                "KF", OrganisationKind.values()[0], OrganisationScope.values()[0], List.of(), OrganisationFocus.values()[0]));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(feed(focalPoint)).extracting(i -> i.get("link"))
                .contains("/bulletins/" + bulletin, "/organisations/" + applying));
        assertThat(feed(focalPoint)).filteredOn(i -> i.get("link").equals("/organisations/" + applying)).singleElement()
                .satisfies(i -> assertThat(i.get("explanation")).isEqualTo("Kids First applied to join the network"));
        assertThat(awaitFeed(member, 1)).extracting(i -> i.get("link")).containsExactly("/bulletins/" + bulletin);
        // the applicant's staff saw neither: prove the consumer got that far with a public event after both
        String consultation = UUID.randomUUID().toString();
        publisher().publish(CalendarIntegrationEvents.CONSULTATION_OPENED, new ConsultationOpened(consultation, ConsultationType.values()[0],
                "DG HOME", "Call for evidence", "https://ec.europa.eu/x", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-06-30T15:00:00Z"), null, null));
        assertThat(awaitFeed(applicantStaff, 1)).extracting(i -> i.get("link")).containsExactly("/consultations/" + consultation);
        assertThat(feed(applicantStaff).getFirst().get("explanation"))
                .isEqualTo("Consultation \u201cCall for evidence\u201d opened; it closes on 30 June 2026, 17:00 CEST");
    }

    @Test
    void eventsThatChangeNothingVisibleRepeatsAndUnknownTypesReachNobody() {
        Person member = member();
        String dossier = dossier("Return Regulation", PolicyArea.RETURN, true);
        String recommendation = UUID.randomUUID().toString();
        String consultation = UUID.randomUUID().toString();
        Instant deadline = Instant.parse("2026-09-01T10:00:00Z");

        // a stage "moved" to itself, a deadline "changed" to the same instant, a revision with the same text
        stageChange(dossier, "Return Regulation", PolicyArea.RETURN, ProcedureStage.TRILOGUE, ProcedureStage.TRILOGUE, "2026-01-01");
        String sameDeadline = publisher().publish(CalendarIntegrationEvents.CONSULTATION_DEADLINE_CHANGED,
                new ConsultationDeadlineChanged(consultation, "Consultation", dossier, deadline, deadline));
        String published = publisher().publish(PolicyIntegrationEvents.RECOMMENDATION_PUBLISHED, new RecommendationPublished(dossier,
                "Return Regulation", PolicyArea.RETURN, recommendation, 1, "Never detain children", List.of("EP"), List.of()));
        publisher().publish(PolicyIntegrationEvents.RECOMMENDATION_REVISED, new RecommendationRevised(dossier, "Return Regulation",
                PolicyArea.RETURN, recommendation, 2, "Never detain children", "DRAFT"));
        // the very same CloudEvent again (same id): a redelivery
        publisher().publish(PolicyIntegrationEvents.RECOMMENDATION_PUBLISHED, new RecommendationPublished(dossier,
                "Return Regulation", PolicyArea.RETURN, recommendation, 1, "Never detain children", List.of("EP"), List.of()), published);
        // a type this service does not know, with fields it does not know
        publisher().publishUnknownType(Topic.POLICY.topicName(), dossier);
        // and finally a real change, on the same partition (same key), so everything before it was handled
        publisher().publish(PolicyIntegrationEvents.RECOMMENDATION_REVISED, new RecommendationRevised(dossier, "Return Regulation",
                PolicyArea.RETURN, recommendation, 3, "Never detain children, in any case", "DRAFT"));

        await().atMost(Duration.ofSeconds(30)).until(() -> feed(member).size() >= 2);
        awaitProcessed(sameDeadline);
        List<Map<String, Object>> feed = feed(member);
        assertThat(feed).extracting(i -> i.get("explanation")).containsExactlyInAnyOrder(
                "A recommendation on Return Regulation was published",
                "The recommendation on Return Regulation was revised (revision 3)");
    }

    @Test
    void aNarrowedSubscriptionHearsOnlyOfWhatItFollows() {
        Person narrow = member();
        String followed = dossier("Followed dossier", PolicyArea.BORDERS, true);
        String other = dossier("Other dossier", PolicyArea.HEALTH, true);
        subscribe(narrow, """
                {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":["%s"],"policyAreas":[],"rights":[],"channels":["IN_APP"],
                 "emailRhythm":"IMMEDIATE"}""".formatted(followed));

        stageChange(other, "Other measure", PolicyArea.HEALTH, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED, "2026-02-01");
        stageChange(followed, "Followed measure", PolicyArea.BORDERS, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED, "2026-02-02");
        String otherTopic = stageChange(other, "Other measure", PolicyArea.HEALTH, ProcedureStage.PROPOSAL_ADOPTED,
                ProcedureStage.EP_COMMITTEE, "2026-02-03");

        awaitFeed(narrow, 1);
        awaitProcessed(otherTopic);
        assertThat(feed(narrow)).extracting(i -> i.get("link")).containsExactly("/dossiers/" + followed);
    }
}
