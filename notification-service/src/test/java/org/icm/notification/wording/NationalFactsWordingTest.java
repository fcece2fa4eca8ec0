package org.icm.notification.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.NationalImplementationRecorded.Fact;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.notification.NotificationProperties;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Kind;
import org.icm.notification.tracking.DossierLookup;
import org.icm.notification.tracking.TrackedDossier;
import org.junit.jupiter.api.Test;

/**
 * What a national fact means (Happenings) and how it reads (Wording), in English and French, without Spring: every
 * fact, a correction, an optional reference left out, a declaration that repeats the status in force told to nobody.
 */
class NationalFactsWordingTest {

    private static final String DIRECTIVE = "Reception Conditions Directive (recast)";
    private static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");

    private final Wording wording = new Wording(new NotificationProperties("https://icm.test", "https://icm.test/api/notifications", "",
            "a-secret-of-sixteen-characters", "icm@test", ZoneId.of("Europe/Brussels"), LocalTime.of(8, 0), DayOfWeek.MONDAY, 3,
            Duration.ofSeconds(1), Duration.ofSeconds(2)));

    /** The tracked dossiers, as the consumer would have them: one published, one in draft. */
    private final DossierLookup dossiers = new DossierLookup() {
        private final Map<String, TrackedDossier> known = Map.of(
                "d-public", new TrackedDossier("d-public", DIRECTIVE, PolicyArea.RECEPTION, true, Set.of("UNCRC-22"), Map.of(), Map.of()),
                "d-draft", new TrackedDossier("d-draft", "Draft position", PolicyArea.RECEPTION, false, Set.of(), Map.of(), Map.of()));

        @Override
        public Optional<TrackedDossier> dossier(String id) {
            return Optional.ofNullable(known.get(id));
        }

        @Override
        public List<TrackedDossier> dossiers(Collection<String> ids) {
            return ids.stream().map(known::get).filter(java.util.Objects::nonNull).toList();
        }
    };

    /** Deciding on a given lookup reads no MongoDB: no Tracking. */
    private final Happenings happenings = new Happenings(null);

    @Test
    void aNationalMeasureNamesTheCountryTheMeasureItsReferenceAndDate() {
        Happening happening = decide(measure("d-public", "\u03a6\u0395\u039a \u0391 12/2026", false));

        assertThat(en(happening)).isEqualTo("Greece: national measure recorded for Reception Conditions Directive (recast): "
                + "Law 5089/2026 (fictional) (\u03a6\u0395\u039a \u0391 12/2026), adopted on 1 October 2026");
        assertThat(fr(happening)).isEqualTo("Gr\u00e8ce\u00a0: mesure nationale enregistr\u00e9e pour Reception Conditions Directive (recast)\u00a0: "
                + "Law 5089/2026 (fictional) (\u03a6\u0395\u039a \u0391 12/2026), adopt\u00e9e le 1 octobre 2026");
        assertThat(happening.kind()).isEqualTo(Kind.NATIONAL_IMPLEMENTATION);
        assertThat(happening.countries()).containsExactly("GR");
        assertThat(happening.dossierIds()).containsExactly("d-public");
        assertThat(happening.policyAreas()).containsExactly(PolicyArea.RECEPTION);
        assertThat(happening.rights()).containsExactly("UNCRC-22");
        assertThat(happening.audience()).isEqualTo(Audience.EVERYONE);
        assertThat(happening.story().facts()).containsEntry("nationalMeasureKind", "TRANSPOSITION_MEASURE");
    }

    @Test
    void aMeasureWithoutReferenceLeavesItOutAndACorrectionSaysItIsOne() {
        Happening corrected = decide(measure("d-public", null, true));

        assertThat(en(corrected)).isEqualTo("Greece: national measure for Reception Conditions Directive (recast) corrected: "
                + "Law 5089/2026 (fictional), adopted on 1 October 2026");
        assertThat(fr(corrected)).isEqualTo("Gr\u00e8ce\u00a0: mesure nationale pour Reception Conditions Directive (recast) corrig\u00e9e\u00a0: "
                + "Law 5089/2026 (fictional), adopt\u00e9e le 1 octobre 2026");
    }

    @Test
    void aTranspositionDeclaredSaysTheStatusAndTheOneBeforeIt() {
        Happening partial = decide(status(TranspositionStatus.NOT_NOTIFIED, TranspositionStatus.PARTIAL));
        Happening first = decide(status(null, TranspositionStatus.NOT_NOTIFIED));

        assertThat(en(partial)).isEqualTo("Greece declared its transposition of Reception Conditions Directive (recast): Partly transposed "
                + "(was: Not notified), as of 1 October 2026");
        assertThat(fr(partial)).isEqualTo("Gr\u00e8ce\u00a0: transposition de Reception Conditions Directive (recast) d\u00e9clar\u00e9e "
                + "\u00ab\u00a0Transpos\u00e9e en partie\u00a0\u00bb (auparavant \u00ab\u00a0Non notifi\u00e9e\u00a0\u00bb), \u00e0 compter du 1 octobre 2026");
        assertThat(en(first)).isEqualTo("Greece declared its transposition of Reception Conditions Directive (recast): Not notified, "
                + "as of 1 October 2026");
    }

    @Test
    void theSameStatusDeclaredAgainIsToldToNobody() {
        assertThat(decide(status(TranspositionStatus.PARTIAL, TranspositionStatus.PARTIAL)).silent()).isTrue();
        assertThat(Happenings.readsState(status(TranspositionStatus.PARTIAL, TranspositionStatus.PARTIAL))).isFalse();
        assertThat(Happenings.readsState(status(TranspositionStatus.PARTIAL, TranspositionStatus.COMPLETE)))
                .as("a told fact reads whether its dossier is published").isTrue();
    }

    @Test
    void anInfringementStepNamesTheStepTheProcedureAndTheDate() {
        Happening step = decide(new NationalImplementationRecorded("d-public", DIRECTIVE, PolicyArea.RECEPTION, "m-1", DIRECTIVE,
                MeasureType.DIRECTIVE, "GR", Fact.INFRINGEMENT_STEP, null, null, "INFR(2026)2145", null, null, null,
                InfringementStage.REASONED_OPINION, LocalDate.parse("2026-11-05"), LocalDate.parse("2026-06-12"), "org-gr", false));

        assertThat(en(step)).isEqualTo("Greece: Reasoned opinion in infringement INFR(2026)2145 about Reception Conditions Directive (recast), "
                + "on 5 November 2026");
        assertThat(fr(step)).isEqualTo("Gr\u00e8ce\u00a0: \u00ab\u00a0Avis motiv\u00e9\u00a0\u00bb dans la proc\u00e9dure d\u2019infraction "
                + "INFR(2026)2145 concernant Reception Conditions Directive (recast), le 5 novembre 2026");
    }

    @Test
    void aFactOnADossierInDraftIsForMembersOnly() {
        NationalImplementationRecorded onDraft = new NationalImplementationRecorded("d-draft", "Draft position", PolicyArea.RECEPTION, "m-1",
                DIRECTIVE, MeasureType.DIRECTIVE, "GR", Fact.NATIONAL_MEASURE, NationalMeasureKind.TRANSPOSITION_MEASURE, "Law 1/2026", null,
                null, null, null, null, LocalDate.parse("2026-01-10"), null, "org-gr", false);

        assertThat(decide(onDraft).audience()).isEqualTo(Audience.MEMBERS);
    }

    private Happening decide(NationalImplementationRecorded fact) {
        return happenings.decide("e-1", AT, fact, dossiers);
    }

    private String en(Happening happening) {
        return wording.line(happening.story(), Locale.ENGLISH);
    }

    private String fr(Happening happening) {
        return wording.line(happening.story(), Locale.FRENCH);
    }

    private static NationalImplementationRecorded measure(String dossier, String reference, boolean correction) {
        return new NationalImplementationRecorded(dossier, DIRECTIVE, PolicyArea.RECEPTION, "m-1", DIRECTIVE, MeasureType.DIRECTIVE, "GR",
                Fact.NATIONAL_MEASURE, NationalMeasureKind.TRANSPOSITION_MEASURE, "Law 5089/2026 (fictional)", reference, null, null, null, null,
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-06-12"), "org-gr", correction);
    }

    private static NationalImplementationRecorded status(TranspositionStatus previous, TranspositionStatus status) {
        return new NationalImplementationRecorded("d-public", DIRECTIVE, PolicyArea.RECEPTION, "m-1", DIRECTIVE, MeasureType.DIRECTIVE, "GR",
                Fact.TRANSPOSITION_STATUS, null, null, null, null, previous, status, null, LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-06-12"), "org-gr", false);
    }
}
