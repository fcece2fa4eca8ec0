package org.icm.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is acting: the account, its organisation and its roles, read from the access token. Controllers
 * receive it as a method parameter ({@link ActorArgumentResolver}); commands carry it as audit metadata.
 */
public record Actor(AccountId account, OrganisationId organisation, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(organisation, "organisation");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Reads the platform's claims; a token without them is not one of ours. */
    public static Actor from(Jwt jwt) {
        String account = jwt.getClaimAsString(IcmClaims.ACCOUNT);
        String organisation = jwt.getClaimAsString(IcmClaims.ORGANISATION);
        if (account == null || organisation == null) {
            throw new IllegalArgumentException("the token lacks the '" + IcmClaims.ACCOUNT + "' or '" + IcmClaims.ORGANISATION + "' claim");
        }
        return new Actor(AccountId.of(account), OrganisationId.of(organisation), roles(jwt));
    }

    static Set<Role> roles(Jwt jwt) {
        Collection<String> names = jwt.getClaimAsStringList(IcmClaims.ROLES);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
