package org.icm.notification.tracking;

import java.util.Map;
import java.util.Set;
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
}
