package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;

/**
 * An organisation's public profile changed; the event carries the whole profile as it is now, so a consumer
 * replaces its copy instead of patching it. {@code organisationName} is the name after the change.
 */
public record OrganisationProfileUpdated(String organisationId,
                                         @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                         String acronym,
                                         OrganisationKind kind,
                                         OrganisationScope scope, List<String> countries, OrganisationFocus focus,
                                         List<String> expertise, List<String> advocacyTargets, String website)
        implements MembershipIntegrationEvent {
}
