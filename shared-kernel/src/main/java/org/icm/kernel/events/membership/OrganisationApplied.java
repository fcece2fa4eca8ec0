package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;

/**
 * An organisation applied to join ICM; focal points decide on the admission. The contact person's personal
 * data stays in membership-service.
 *
 * @param countries ISO 3166-1 alpha-2 codes; empty for an organisation without a national base
 */
public record OrganisationApplied(String organisationId,
                                  @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                  String acronym,
                                  OrganisationKind kind,
                                  OrganisationScope scope, List<String> countries, OrganisationFocus focus)
        implements MembershipIntegrationEvent {
}
