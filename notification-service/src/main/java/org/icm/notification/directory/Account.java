package org.icm.notification.directory;

import java.util.Set;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account as membership-service last described it: who it is, where to write, what it may see.
 *
 * @param language the language the person signed up in (en, fr), or null for accounts activated before it was kept
 */
@Document("accounts")
public record Account(@Id String id,
                      @PersonalData(subject = "id", kind = Kind.EMAIL) String email,
                      @PersonalData(subject = "id", kind = Kind.NAME) String displayName,
                      String organisationId,
                      @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                      Set<Role> roles, boolean active, String language) {
}
