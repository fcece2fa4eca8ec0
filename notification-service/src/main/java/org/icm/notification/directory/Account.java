package org.icm.notification.directory;

import java.util.Set;
import org.icm.kernel.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account as membership-service last described it: who it is, where to write, what it may see. */
@Document("accounts")
public record Account(@Id String id, String email, String displayName, String organisationId, String organisationName,
                      Set<Role> roles, boolean active) {
}
