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
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The issuer speaks plain OAuth2 (scope {@code icm}, no OpenID Connect, no user-info endpoint): who signed in is read
 * from the verified access token's claims ({@link IcmClaims}: account, organisation, roles).
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
}
