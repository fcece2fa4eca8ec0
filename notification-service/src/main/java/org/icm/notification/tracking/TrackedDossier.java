package org.icm.notification.tracking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.icm.kernel.vocabulary.PolicyArea;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the service needs to know of a dossier: its title and area, whether the public can see it (published), the rights
 * at stake, the last stage of each measure and the last text of each recommendation (to tell a change from a repeat).
 */
@Document("dossiers")
public record TrackedDossier(@Id String id, String title, PolicyArea policyArea, boolean published, Set<String> rights,
                             Map<String, String> measureStages, Map<String, String> recommendationTexts) {

    /**
     * The dossier after the event, as {@link Tracking} writes it to MongoDB (same fields, same rules: a new dossier starts
     * unpublished), for deciding the next events of a batch before the batch is written.
     */
    public static TrackedDossier after(Optional<TrackedDossier> before, DossierIntegrationEvent event) {
        boolean published = before.map(TrackedDossier::published).orElse(false);
        Set<String> rights = new LinkedHashSet<>(before.map(TrackedDossier::rights).orElse(Set.of()));
        Map<String, String> stages = new HashMap<>(before.map(TrackedDossier::measureStages).orElse(Map.of()));
        Map<String, String> texts = new HashMap<>(before.map(TrackedDossier::recommendationTexts).orElse(Map.of()));
        switch (event) {
            case DossierPublished p -> published = true;
            case DossierReturnedToDraft r -> published = false;
            case RightTagged t -> rights.add(t.rightCode());
            case RightUntagged u -> rights.remove(u.rightCode());
            case MeasureStageChanged m -> stages.put(m.measureId(), m.newStage().name());
            case RecommendationPublished r -> texts.put(r.recommendationId(), r.text());
            case RecommendationRevised r -> texts.put(r.recommendationId(), r.text());
            default -> {
                // opened, measure added and the rest: title and area only
            }
        }
        return new TrackedDossier(event.dossierId(), event.dossierTitle(), event.policyArea(), published, rights, stages, texts);
    }
}
