package org.icm.membership.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * What applicants, members and focal points ask of an organisation. Each command after the first may name the
 * version the caller saw ({@code expectedVersion}, from {@code If-Match}); a stale one is refused. {@link Acting}
 * says who asks; audit metadata (account, reason) travels beside.
 */
public sealed interface OrganisationCommand {

    String organisationId();

    record Apply(@TargetAggregateIdentifier String organisationId, Profile profile) implements OrganisationCommand {
    }

    record Admit(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by)
            implements OrganisationCommand {
    }

    record Reject(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by,
                  String reason) implements OrganisationCommand {
    }

    record Suspend(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by,
                   String reason) implements OrganisationCommand {
    }

    record Reinstate(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by)
            implements OrganisationCommand {
    }

    record Withdraw(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by)
            implements OrganisationCommand {
    }

    record EditProfile(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion, Acting by,
                       Profile profile) implements OrganisationCommand {
    }

    record DesignateFocalPoint(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion,
                               Acting by) implements OrganisationCommand {
    }

    /**
     * @param otherFocalPoints how many other organisations stay focal points: the focal-point registry counts them
     *                         atomically before sending, so two revocations cannot both take the last two away
     */
    record RevokeFocalPoint(@TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion,
                            Acting by, int otherFocalPoints) implements OrganisationCommand {
    }

    record InviteAccount(@TargetAggregateIdentifier String organisationId, Acting by, String accountId, String email,
                         String displayName, boolean analyst) implements OrganisationCommand {
    }

    /**
     * The invited person set a password (kept in the credential store, never here), on a page in {@code language} (en,
     * fr): their mails are written in it until they choose another.
     */
    record ActivateAccount(@TargetAggregateIdentifier String organisationId, String accountId, String language) implements OrganisationCommand {
    }

    record SetAnalyst(@TargetAggregateIdentifier String organisationId, Acting by, String accountId, boolean analyst)
            implements OrganisationCommand {
    }

    /**
     * Erase a person's data (GDPR Art. 17): an account, on their own request ({@code themselves}, which the HTTP layer
     * sets only when the caller is that account) or a focal point's, or the organisation's contact person (focal points).
     */
    record ErasePerson(@TargetAggregateIdentifier String organisationId, Acting by, String personId, boolean themselves)
            implements OrganisationCommand {
    }

    record DeactivateAccount(@TargetAggregateIdentifier String organisationId, Acting by, String accountId)
            implements OrganisationCommand {
    }
}
