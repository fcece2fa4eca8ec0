package org.icm.kernel.events.policy;

import java.util.List;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;

/**
 * The published language of policy-service: every integration event type it sends on {@link Topic#POLICY},
 * keyed by dossier id. Consumers give {@link #ALL} to their {@code IntegrationEventCodec}.
 */
public final class PolicyIntegrationEvents {

    public static final IntegrationEventType<DossierOpened> DOSSIER_OPENED = type("DossierOpened", DossierOpened.class);
    public static final IntegrationEventType<DossierEdited> DOSSIER_EDITED = type("DossierEdited", DossierEdited.class);
    public static final IntegrationEventType<DossierPublished> DOSSIER_PUBLISHED = type("DossierPublished", DossierPublished.class);
    public static final IntegrationEventType<DossierReturnedToDraft> DOSSIER_RETURNED_TO_DRAFT =
            type("DossierReturnedToDraft", DossierReturnedToDraft.class);
    public static final IntegrationEventType<DossierArchived> DOSSIER_ARCHIVED = type("DossierArchived", DossierArchived.class);
    public static final IntegrationEventType<MeasureAdded> MEASURE_ADDED = type("MeasureAdded", MeasureAdded.class);
    public static final IntegrationEventType<MeasureStageChanged> MEASURE_STAGE_CHANGED =
            type("MeasureStageChanged", MeasureStageChanged.class);
    public static final IntegrationEventType<RightTagged> RIGHT_TAGGED = type("RightTagged", RightTagged.class);
    public static final IntegrationEventType<RightUntagged> RIGHT_UNTAGGED = type("RightUntagged", RightUntagged.class);
    public static final IntegrationEventType<RecommendationRevised> RECOMMENDATION_REVISED =
            type("RecommendationRevised", RecommendationRevised.class);
    public static final IntegrationEventType<RecommendationStatusChanged> RECOMMENDATION_STATUS_CHANGED =
            type("RecommendationStatusChanged", RecommendationStatusChanged.class);
    public static final IntegrationEventType<RecommendationPublished> RECOMMENDATION_PUBLISHED =
            type("RecommendationPublished", RecommendationPublished.class);
    public static final IntegrationEventType<RecommendationOutcomeRecorded> RECOMMENDATION_OUTCOME_RECORDED =
            type("RecommendationOutcomeRecorded", RecommendationOutcomeRecorded.class);
    public static final IntegrationEventType<NationalImplementationRecorded> NATIONAL_IMPLEMENTATION_RECORDED =
            type("NationalImplementationRecorded", NationalImplementationRecorded.class);
    public static final IntegrationEventType<RecommendationUptakeRecorded> RECOMMENDATION_UPTAKE_RECORDED =
            type("RecommendationUptakeRecorded", RecommendationUptakeRecorded.class);

    public static final List<IntegrationEventType<?>> ALL = List.of(
            DOSSIER_OPENED, DOSSIER_EDITED, DOSSIER_PUBLISHED, DOSSIER_RETURNED_TO_DRAFT, DOSSIER_ARCHIVED,
            MEASURE_ADDED, MEASURE_STAGE_CHANGED,
            RIGHT_TAGGED, RIGHT_UNTAGGED,
            RECOMMENDATION_REVISED, RECOMMENDATION_STATUS_CHANGED, RECOMMENDATION_PUBLISHED, RECOMMENDATION_OUTCOME_RECORDED,
            NATIONAL_IMPLEMENTATION_RECORDED, RECOMMENDATION_UPTAKE_RECORDED);

    private PolicyIntegrationEvents() {
    }

    private static <E extends DossierIntegrationEvent> IntegrationEventType<E> type(String name, Class<E> payloadType) {
        return new IntegrationEventType<>("org.icm.policy." + name + ".v1", Topic.POLICY, payloadType);
    }
}
