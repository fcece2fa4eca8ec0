package org.icm.notification.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.policy.RecommendationUptakeRecorded;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.notification.NotificationProperties;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Kind;
import org.icm.notification.tracking.DossierLookup;
import org.icm.notification.tracking.TrackedDossier;
import org.junit.jupiter.api.Test;

/**
 * What a recommendation's uptake means (Happenings) and how it reads (Wording), in English and French, without Spring:
 * every uptake and the stage in the platform's words, a correction, a reference left out when not given; it is for the
 * endorsing organisations only, and an uptake no organisation endorses (or that says nothing) is told to nobody.
 */
class RecommendationUptakeWordingTest {

    private static final String PACT = "Pact on Migration and Asylum";
    private static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");

    private final Wording wording = new Wording(new NotificationProperties("https://icm.test", "https://icm.test/api/notifications", "",
            "a-secret-of-sixteen-characters", "icm@test", ZoneId.of("Europe/Brussels"), LocalTime.of(8, 0), DayOfWeek.MONDAY, 3,
            Duration.ofSeconds(1), Duration.ofSeconds(2)));

    private final DossierLookup dossiers = new DossierLookup() {
        private final Map<String, TrackedDossier> known = Map.of(
                "d-pact", new TrackedDossier("d-pact", PACT, PolicyArea.ASYLUM, true, Set.of("UNCRC-22"), Map.of(), Map.of()));

        @Override
        public Optional<TrackedDossier> dossier(String id) {
            return Optional.ofNullable(known.get(id));
        }

        @Override
        public List<TrackedDossier> dossiers(Collection<String> ids) {
            return ids.stream().map(known::get).filter(java.util.Objects::nonNull).toList();
        }
    };

    private final Happenings happenings = new Happenings(null);

    @Test
    void anUptakeSaysHowFarWhichTextOfWhichStageAndItsReferenceForTheEndorsingOrganisationsOnly() {
        RecommendationUptakeRecorded event = uptake(Uptake.REFLECTED, ProcedureStage.EP_MANDATE, "A8-0171/2018, amendment 123", false,
                "org-1", "org-2");
        Happening happening = decide(event);

        assertThat(en(happening)).isEqualTo("Your recommendation on Pact on Migration and Asylum: Reflected in Asylum Procedure Regulation, "
                + "European Parliament mandate (22 May 2018), see A8-0171/2018, amendment 123");
        assertThat(fr(happening)).isEqualTo("Votre recommandation sur Pact on Migration and Asylum\u00a0: \u00ab\u00a0Reprise\u00a0\u00bb dans "
                + "Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Mandat du Parlement europ\u00e9en\u00a0\u00bb (22 mai 2018), "
                + "voir A8-0171/2018, amendment 123");
        assertThat(happening.kind()).isEqualTo(Kind.RECOMMENDATION_UPTAKE);
        assertThat(happening.audience()).isEqualTo(Audience.ORGANISATIONS);
        assertThat(happening.organisations()).containsExactlyInAnyOrder("org-1", "org-2");
        assertThat(happening.link()).isEqualTo("/dossiers/d-pact/recommendations/r-1/uptake");
        assertThat(happening.dossierIds()).containsExactly("d-pact");
        assertThat(happening.dossierTitle()).isEqualTo(PACT);
        assertThat(happening.policyAreas()).containsExactly(PolicyArea.ASYLUM);
        assertThat(happening.rights()).containsExactly("UNCRC-22");
        assertThat(happening.countries()).isEmpty();
        assertThat(Happenings.readsState(event)).as("the dossier's rights, for those who follow rights").isTrue();
    }

    @Test
    void everyUptakeAndStageReadsInThePlatformsWords() {
        assertThat(en(decide(uptake(Uptake.PARTIALLY_REFLECTED, ProcedureStage.PROPOSAL_ADOPTED, "COM(2016) 467, Article 22", false, "org-1"))))
                .isEqualTo("Your recommendation on Pact on Migration and Asylum: Partly reflected in Asylum Procedure Regulation, "
                        + "Proposal adopted (22 May 2018), see COM(2016) 467, Article 22");
        assertThat(fr(decide(uptake(Uptake.PARTIALLY_REFLECTED, ProcedureStage.PROPOSAL_ADOPTED, "COM(2016) 467, Article 22", false, "org-1"))))
                .isEqualTo("Votre recommandation sur Pact on Migration and Asylum\u00a0: \u00ab\u00a0Reprise en partie\u00a0\u00bb dans "
                        + "Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Proposition adopt\u00e9e\u00a0\u00bb (22 mai 2018), "
                        + "voir COM(2016) 467, Article 22");
        assertThat(en(decide(uptake(Uptake.NOT_REFLECTED, ProcedureStage.ADOPTED, null, false, "org-1"))))
                .isEqualTo("Your recommendation on Pact on Migration and Asylum: Not reflected in Asylum Procedure Regulation, Adopted (22 May 2018)");
        assertThat(fr(decide(uptake(Uptake.NOT_REFLECTED, ProcedureStage.ADOPTED, " ", false, "org-1"))))
                .as("a blank reference is none").isEqualTo("Votre recommandation sur Pact on Migration and Asylum\u00a0: "
                        + "\u00ab\u00a0Non reprise\u00a0\u00bb dans Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Adopt\u00e9e\u00a0\u00bb (22 mai 2018)");
        for (Uptake uptake : Uptake.values()) {
            for (ProcedureStage stage : ProcedureStage.values()) {
                Happening happening = decide(uptake(uptake, stage, "ref", false, "org-1"));
                assertThat(List.of(en(happening), fr(happening))).as(uptake + " at " + stage)
                        .noneSatisfy(line -> assertThat(line).containsAnyOf(uptake.name(), stage.name(), "{", "unknown", "inconnue"));
            }
        }
    }

    @Test
    void aCorrectionSaysItIsOne() {
        Happening corrected = decide(uptake(Uptake.PARTIALLY_REFLECTED, ProcedureStage.COUNCIL_MANDATE, "ST 16486/23, Article 53", true, "org-1"));

        assertThat(en(corrected)).isEqualTo("Your recommendation on Pact on Migration and Asylum: uptake corrected to Partly reflected in "
                + "Asylum Procedure Regulation, Council mandate (22 May 2018), see ST 16486/23, Article 53");
        assertThat(fr(corrected)).isEqualTo("Votre recommandation sur Pact on Migration and Asylum\u00a0: reprise corrig\u00e9e en "
                + "\u00ab\u00a0Reprise en partie\u00a0\u00bb dans Asylum Procedure Regulation, \u00e9tape \u00ab\u00a0Mandat du Conseil\u00a0\u00bb "
                + "(22 mai 2018), voir ST 16486/23, Article 53");
    }

    @Test
    void anUptakeNoOrganisationEndorsesOrThatSaysNothingIsToldToNobody() {
        List<RecommendationUptakeRecorded> untold = List.of(
                uptake(Uptake.REFLECTED, ProcedureStage.EP_MANDATE, null, false),
                new RecommendationUptakeRecorded("d-pact", PACT, PolicyArea.ASYLUM, "r-1", "text", "m-1", "Asylum Procedure Regulation", "s-1",
                        ProcedureStage.EP_MANDATE, LocalDate.parse("2018-05-22"), Uptake.REFLECTED, null, null, false),
                new RecommendationUptakeRecorded("d-pact", PACT, PolicyArea.ASYLUM, "r-1", "text", "m-1", "Asylum Procedure Regulation", "s-1",
                        ProcedureStage.EP_MANDATE, LocalDate.parse("2018-05-22"), null, null, List.of("org-1"), false));

        assertThat(untold).allSatisfy(event -> {
            assertThat(decide(event).silent()).isTrue();
            assertThat(Happenings.readsState(event)).isFalse();
        });
    }

    private Happening decide(RecommendationUptakeRecorded event) {
        return happenings.decide("e-1", AT, event, dossiers);
    }

    private String en(Happening happening) {
        return wording.line(happening.story(), Locale.ENGLISH);
    }

    private String fr(Happening happening) {
        return wording.line(happening.story(), Locale.FRENCH);
    }

    private static RecommendationUptakeRecorded uptake(Uptake uptake, ProcedureStage stage, String reference, boolean correction,
                                                       String... endorsements) {
        return new RecommendationUptakeRecorded("d-pact", PACT, PolicyArea.ASYLUM, "r-1", "Exempt children from border procedures", "m-1",
                "Asylum Procedure Regulation", "s-1", stage, LocalDate.parse("2018-05-22"), uptake, reference, Arrays.asList(endorsements),
                correction);
    }
}
