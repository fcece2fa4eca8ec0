package org.icm.web.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.icm.kernel.identity.IcmClaims;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Who signed in, read from the verified access token's claims ({@link IcmClaims}: account, organisation, roles), the
 * same claims every service reads. With OpenID Connect the ID token (checked by Spring: signature, issuer, audience,
 * nonce) names the same account; the person's authorities still come from the access token, the one source of roles.
 */
@Component
class AccessTokenUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private final JwtDecoder decoder;

    AccessTokenUsers(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        Jwt token;
        try {
            token = decoder.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "the access token was refused: " + e.getMessage(), null), e);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = token.getClaimAsStringList(IcmClaims.ROLES);
        (roles == null ? List.<String>of() : roles).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Map<String, Object> claims = token.getClaims();
        return new DefaultOAuth2User(authorities, claims, IcmClaims.ACCOUNT);
    }

    /** The OpenID Connect sign-in: the ID token, with the access token's claims and authorities. */
    OidcUser loadOidcUser(OidcUserRequest request) {
        OAuth2User fromAccessToken = loadUser(request);
        if (!request.getIdToken().getSubject().equals(fromAccessToken.getName())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", "the ID token names another account", null));
        }
        return new DefaultOidcUser(fromAccessToken.getAuthorities(), request.getIdToken(), new OidcUserInfo(fromAccessToken.getAttributes()),
                IcmClaims.ACCOUNT);
    }
}
