package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/**
 * A person's data was erased (GDPR Art. 17): their key is gone, so every sealed copy of their data reads as erased, and
 * every service deletes the clear copies it keeps (addresses, subscriptions, feeds, registrations, mail) within seconds.
 * The fact that they acted, when and for which organisation stays in every history, under their pseudonymous id.
 *
 * @param personId the erased person: an account id, or the id of an organisation's contact person
 */
public record PersonErased(String organisationId,
                           @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                           String personId) implements MembershipIntegrationEvent {
}
