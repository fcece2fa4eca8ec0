package org.icm.web.pages;

import java.util.List;
import org.icm.kernel.identity.IcmClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** The signed-in person as the pages need them; {@code signedIn == false} for a visitor. */
public record Me(boolean signedIn, String account, String organisation, List<String> roles) {

    /** The person of the request being served. */
    public static Me current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Me of(Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return new Me(false, null, null, List.of());
        }
        List<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return new Me(true, token.getPrincipal().getName(), token.getPrincipal().getAttribute(IcmClaims.ORGANISATION), roles);
    }

    public boolean focalPoint() {
        return roles.contains("FOCAL_POINT");
    }

    public boolean analyst() {
        return roles.contains("ANALYST") || focalPoint();
    }
}
