package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;

/**
 * A person accepted an invitation and can sign in. Carries what the notification service needs to reach them, and
 * nothing secret. The address and the name travel sealed with the person's own key (the codec's
 * {@link org.icm.kernel.privacy.PersonalDataModule}), so no Kafka segment ever holds them in clear and erasing the
 * person's key makes every copy on the topic unreadable; the one service that keeps them in clear (notification) purges
 * them on {@link PersonErased}.
 *
 * @param roles    the account's roles now
 * @param language the language the person signed up in (en, fr): their mails are written in it until they choose
 *                 another; null in events published before it was carried
 */
public record AccountActivated(String organisationId,
                               @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                               String accountId,
                               @PersonalData(subject = "accountId", kind = Kind.EMAIL) String email,
                               @PersonalData(subject = "accountId", kind = Kind.NAME) String displayName,
                               List<Role> roles,
                               String language) implements MembershipIntegrationEvent {
}
