package org.icm.membership.integration;

import static org.icm.kernel.events.membership.MembershipIntegrationEvents.*;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.AccountDeactivated;
import org.icm.kernel.events.membership.AccountRolesChanged;
import org.icm.kernel.events.membership.FocalPointDesignated;
import org.icm.kernel.events.membership.FocalPointRevoked;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.membership.OrganisationProfileUpdated;
import org.icm.kernel.events.membership.OrganisationReinstated;
import org.icm.kernel.events.membership.OrganisationRejected;
import org.icm.kernel.events.membership.OrganisationSuspended;
import org.icm.kernel.events.membership.OrganisationWithdrew;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.membership.organisation.OrganisationEvent;
import org.icm.membership.organisation.Profile;
import org.icm.service.integration.IntegrationEventMapper;
import org.icm.service.integration.OutgoingIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Turns membership-service's stored domain events into its published language
 * ({@code org.icm.kernel.events.membership}); service-defaults' outbox publisher sends them to Kafka keyed by
 * organisation id. Each domain event carries what its translation needs, so the mapping reads no other event.
 * An invitation is not published: it carries nothing another service acts on, and its secret never leaves.
 */
@Component
class OrganisationIntegrationEventMapper implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent<?>> map(EventMessage<?> message) {
        if (!(message.getPayload() instanceof OrganisationEvent event)) {
            return List.of();
        }
        String id = event.organisationId();
        OutgoingIntegrationEvent<?> out = switch (event) {
            case OrganisationEvent.OrganisationApplied e -> OutgoingIntegrationEvent.of(ORGANISATION_APPLIED, new OrganisationApplied(id,
                    e.profile().name(), e.profile().acronym(), e.profile().kind(), e.profile().scope(), e.profile().countries(), e.profile().focus()));
            case OrganisationEvent.OrganisationAdmitted e -> OutgoingIntegrationEvent.of(ORGANISATION_ADMITTED, new OrganisationAdmitted(id, e.name()));
            case OrganisationEvent.OrganisationRejected e ->
                    OutgoingIntegrationEvent.of(ORGANISATION_REJECTED, new OrganisationRejected(id, e.name(), e.reason()));
            case OrganisationEvent.OrganisationSuspended e ->
                    OutgoingIntegrationEvent.of(ORGANISATION_SUSPENDED, new OrganisationSuspended(id, e.name(), e.reason()));
            case OrganisationEvent.OrganisationReinstated e ->
                    OutgoingIntegrationEvent.of(ORGANISATION_REINSTATED, new OrganisationReinstated(id, e.name()));
            case OrganisationEvent.OrganisationWithdrew e -> OutgoingIntegrationEvent.of(ORGANISATION_WITHDREW, new OrganisationWithdrew(id, e.name()));
            case OrganisationEvent.ProfileEdited e -> OutgoingIntegrationEvent.of(ORGANISATION_PROFILE_UPDATED, profileUpdated(id, e.profile()));
            case OrganisationEvent.FocalPointDesignated e ->
                    OutgoingIntegrationEvent.of(FOCAL_POINT_DESIGNATED, new FocalPointDesignated(id, e.name()));
            case OrganisationEvent.FocalPointRevoked e -> OutgoingIntegrationEvent.of(FOCAL_POINT_REVOKED, new FocalPointRevoked(id, e.name()));
            case OrganisationEvent.AccountInvited e -> null;
            case OrganisationEvent.AccountActivated e -> OutgoingIntegrationEvent.of(ACCOUNT_ACTIVATED,
                    new AccountActivated(id, e.name(), e.accountId(), e.email(), e.displayName(), e.roles(), e.language()));
            case OrganisationEvent.AccountRolesChanged e ->
                    OutgoingIntegrationEvent.of(ACCOUNT_ROLES_CHANGED, new AccountRolesChanged(id, e.name(), e.accountId(), e.roles()));
            case OrganisationEvent.PersonErased e -> OutgoingIntegrationEvent.of(PERSON_ERASED, new PersonErased(id, e.name(), e.personId()));
            case OrganisationEvent.AccountDeactivated e ->
                    OutgoingIntegrationEvent.of(ACCOUNT_DEACTIVATED, new AccountDeactivated(id, e.name(), e.accountId()));
        };
        return out == null ? List.of() : List.of(out);
    }

    /** The public profile: the contact person's personal data stays here. */
    private static OrganisationProfileUpdated profileUpdated(String id, Profile p) {
        return new OrganisationProfileUpdated(id, p.name(), p.acronym(), p.kind(), p.scope(), p.countries(), p.focus(), p.expertise(),
                p.advocacyTargets(), p.website());
    }
}
