package org.icm.kernel.events.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.junit.jupiter.api.Test;

class PolicyIntegrationEventsTest {

    static final String DOSSIER = "7b0c2f9e-dossier";
    static final String TITLE = "Pact on Migration and Asylum";

    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), PolicyIntegrationEvents.ALL);

    /** One sample of every type, in the order of the catalogue. */
    static final List<DossierIntegrationEvent> SAMPLES = List.of(
            new DossierOpened(DOSSIER, TITLE, PolicyArea.ASYLUM, "The 2024 reform", "org-1"),
            new DossierEdited(DOSSIER, TITLE, PolicyArea.RECEPTION, null),
            new DossierPublished(DOSSIER, TITLE, PolicyArea.ASYLUM),
            new DossierReturnedToDraft(DOSSIER, TITLE, PolicyArea.ASYLUM),
            new DossierArchived(DOSSIER, TITLE, PolicyArea.ASYLUM),
            new MeasureAdded(DOSSIER, TITLE, PolicyArea.ASYLUM, "m-1", "Asylum Procedure Regulation", MeasureType.REGULATION, "2016/0224(COD)"),
            new MeasureStageChanged(DOSSIER, TITLE, PolicyArea.ASYLUM, "m-1", "Asylum Procedure Regulation", "2016/0224(COD)",
                    null, ProcedureStage.PROPOSAL_ADOPTED, LocalDate.of(2016, 7, 13), false),
            new RightTagged(DOSSIER, TITLE, PolicyArea.ASYLUM, "UNCRC-3", "screening at the border"),
            new RightUntagged(DOSSIER, TITLE, PolicyArea.ASYLUM, "UNCRC-3"),
            new RecommendationRevised(DOSSIER, TITLE, PolicyArea.ASYLUM, "r-1", 2, "Exempt children from border procedures", "DRAFT"),
            new RecommendationStatusChanged(DOSSIER, TITLE, PolicyArea.ASYLUM, "r-1", "ADOPTED", "PUBLISHED"),
            new RecommendationPublished(DOSSIER, TITLE, PolicyArea.ASYLUM, "r-1", 2, "Exempt children from border procedures",
                    List.of("COUNCIL", "EUROPEAN_PARLIAMENT"), List.of("m-1")),
            new RecommendationOutcomeRecorded(DOSSIER, TITLE, PolicyArea.ASYLUM, "r-1", "PARTIALLY_ADDRESSED", "Article 53 of the APR"),
            new NationalImplementationRecorded(DOSSIER, TITLE, PolicyArea.RECEPTION, "m-2", "Reception Conditions Directive",
                    MeasureType.DIRECTIVE, "GR", NationalImplementationRecorded.Fact.TRANSPOSITION_STATUS, null, null, null, null,
                    TranspositionStatus.NOT_NOTIFIED, TranspositionStatus.PARTIAL, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 6, 12),
                    "org-1", false),
            new RecommendationUptakeRecorded(DOSSIER, TITLE, PolicyArea.ASYLUM, "r-1", "Exempt children from border procedures", "m-1",
                    "Asylum Procedure Regulation", "s-1", ProcedureStage.PROVISIONAL_AGREEMENT, LocalDate.of(2023, 12, 20),
                    Uptake.PARTIALLY_REFLECTED, "Article 53", List.of("org-1"), false));

    @Test
    void everyTypeIsVersionedOnThePolicyTopicAndNamedAfterItsRecord() {
        assertThat(PolicyIntegrationEvents.ALL).extracting(IntegrationEventType::name).doesNotHaveDuplicates();
        for (IntegrationEventType<?> type : PolicyIntegrationEvents.ALL) {
            assertThat(type.topic()).isEqualTo(Topic.POLICY);
            assertThat(type.name()).isEqualTo("org.icm.policy." + type.payloadType().getSimpleName() + ".v1");
            assertThat(DossierIntegrationEvent.class).isAssignableFrom(type.payloadType());
        }
        assertThat(SAMPLES).extracting(Object::getClass)
                .containsExactlyElementsOf(PolicyIntegrationEvents.ALL.stream().map(IntegrationEventType::payloadType).toList());
    }

    @Test
    void everyEventIsKeyedByItsDossierAndSurvivesTheEnvelope() {
        for (int i = 0; i < SAMPLES.size(); i++) {
            DossierIntegrationEvent sample = SAMPLES.get(i);
            var read = codec.decode(codec.encode(envelope(PolicyIntegrationEvents.ALL.get(i), sample)));

            assertThat(read.getSubject()).isEqualTo(DOSSIER);
            assertThat(codec.payload(read)).as(read.getType()).contains(sample);
        }
    }

    @Test
    void theDataIsPlainJsonWithIsoDatesAndNoSubjectField() {
        var change = (MeasureStageChanged) SAMPLES.get(6);
        var envelope = envelope(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, change);
        String data = new String(envelope.getData().toBytes(), StandardCharsets.UTF_8);

        assertThat(new String(codec.encode(envelope), StandardCharsets.UTF_8))
                .contains("\"type\":\"org.icm.policy.MeasureStageChanged.v1\"", "\"subject\":\"" + DOSSIER + "\"");
        assertThat(data)
                .startsWith("{\"dossierId\":\"" + DOSSIER + "\",\"dossierTitle\":\"" + TITLE + "\",\"policyArea\":\"ASYLUM\"")
                .contains("\"previousStage\":null", "\"newStage\":\"PROPOSAL_ADOPTED\"", "\"effectiveDate\":\"2016-07-13\"",
                        "\"correction\":false")
                .doesNotContain("subject");
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> io.cloudevents.CloudEvent envelope(IntegrationEventType<E> type, IntegrationEvent event) {
        return codec.envelope(type, (E) event, "evt-1", Instant.parse("2024-05-15T08:00:00Z"));
    }
}
