package org.icm.membership.signin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.identity.IcmClaims;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * Who signed in, as OpenID Connect says it, for the ID token and UserInfo alike: the account id as subject (the same
 * {@code sub} as in access tokens), with {@code profile} the name, organisation and roles, with {@code email} the
 * address (verified: the invitation reached it). Read from the directory at every issue, like the access token's claims.
 */
@Component
class OpenIdClaims {

    static final String ORGANISATION_NAME = "organisation_name";
    /** Every claim of the ID token and UserInfo, as discovery lists them. */
    static final java.util.List<String> SUPPORTED = java.util.List.of(StandardClaimNames.SUB, StandardClaimNames.NAME, StandardClaimNames.EMAIL,
            StandardClaimNames.EMAIL_VERIFIED, IcmClaims.ORGANISATION, ORGANISATION_NAME, IcmClaims.ROLES);

    private final CredentialStore credentials;
    private final OrganisationDirectory directory;

    OpenIdClaims(CredentialStore credentials, OrganisationDirectory directory) {
        this.credentials = credentials;
        this.directory = directory;
    }

    void idToken(JwtEncodingContext context) {
        OrganisationDirectory.AccountEntry account = account(context.getPrincipal().getName());
        context.getClaims().subject(account.accountId());
        claims(account, context.getAuthorizedScopes()).forEach(context.getClaims()::claim);
    }

    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OrganisationDirectory.AccountEntry account = account(context.getAuthorization().getPrincipalName());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, account.accountId());
        claims.putAll(claims(account, context.getAccessToken().getScopes()));
        return new OidcUserInfo(claims);
    }

    private OrganisationDirectory.AccountEntry account(String principalName) {
        return Optional.ofNullable(principalName).flatMap(credentials::byEmail).flatMap(credential -> directory.account(credential.accountId()))
                .filter(OrganisationDirectory.AccountEntry::canSignIn)
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
    }

    private static Map<String, Object> claims(OrganisationDirectory.AccountEntry account, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put(StandardClaimNames.NAME, account.displayName());
            claims.put(IcmClaims.ORGANISATION, account.organisationId());
            claims.put(ORGANISATION_NAME, account.organisationName());
            // kept with the stored authorization, whose JSON reader trusts plain collection types only
            claims.put(IcmClaims.ROLES, new ArrayList<>(account.roles()));
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            claims.put(StandardClaimNames.EMAIL, account.email());
            claims.put(StandardClaimNames.EMAIL_VERIFIED, true);
        }
        return claims;
    }
}
