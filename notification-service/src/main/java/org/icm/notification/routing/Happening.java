package org.icm.notification.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.notification.wording.Story;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one integration event means to subscribers, decided once and stored under the CloudEvents id, so that a
 * redelivered event is fanned out from the same decision even after the tracked state has moved on.
 *
 * @param id          the CloudEvents id of the event
 * @param silent      true when the event changes nothing a subscriber can see: nobody is notified
 * @param explanation for happenings decided before stories: the English line that said what changed; null since
 * @param story       what changed, as data, put in words in each reader's language
 * @param link        the platform path where the change can be seen, e.g. /dossiers/{id}
 * @param dossierId   the dossier it is about (digests group by it), or null
 * @param countries   the member states it happened in (ISO 3166-1 alpha-2), for a national fact; empty for what happens
 *                    at EU level or in the network (happenings decided before national facts have none)
 * @param organisations for the audience {@link Audience#ORGANISATIONS}: the ids of the organisations whose staff it is for
 *                    (those endorsing a recommendation); empty for any other audience (and happenings decided before it)
 */
@Document("happenings")
public record Happening(@Id String id,
                        boolean silent,
                        Kind kind,
                        Audience audience,
                        @NotPersonal(NotPersonal.COMPOSED_FROM_PUBLIC_FACTS) String explanation,
                        Story story,
                        String link,
                        String dossierId, String dossierTitle, List<String> dossierIds, Set<PolicyArea> policyAreas,
                        Set<String> rights, Set<String> countries, Set<String> organisations, Instant occurredAt) {

    public Happening {
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
    }

    public static Happening silent(String id, Instant occurredAt) {
        return new Happening(id, true, null, null, null, null, null, null, null, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), occurredAt);
    }

    /** The same happening, for the staff of these organisations only ({@link Audience#ORGANISATIONS}). */
    public Happening forOrganisations(Set<String> organisationIds) {
        return new Happening(id, silent, kind, Audience.ORGANISATIONS, explanation, story, link, dossierId, dossierTitle, dossierIds, policyAreas,
                rights, countries, organisationIds, occurredAt);
    }

    /**
     * True when it is about no dossier, policy area or right: then the kind decides who wants it (and, for a national
     * fact, its country: see {@link org.icm.notification.subscription.Subscription#wants}).
     */
    public boolean aboutNothingInParticular() {
        return dossierIds.isEmpty() && policyAreas.isEmpty() && rights.isEmpty();
    }
}
