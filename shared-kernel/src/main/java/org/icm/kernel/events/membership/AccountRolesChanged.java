package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.NotPersonal;

/**
 * An account's roles changed: ANALYST granted or taken away by a focal point, or FOCAL_POINT following its
 * organisation's designation or revocation.
 *
 * @param roles the account's roles now
 */
public record AccountRolesChanged(String organisationId,
                                  @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                  String accountId,
                                  List<Role> roles)
        implements MembershipIntegrationEvent {
}
