package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.identity.Role;

/**
 * A person accepted an invitation and can sign in. Carries what the notification service needs to reach them,
 * and nothing secret.
 *
 * @param roles the account's roles now
 */
public record AccountActivated(String organisationId, String organisationName, String accountId, String email,
                               String displayName, List<Role> roles) implements MembershipIntegrationEvent {
}
