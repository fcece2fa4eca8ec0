package org.icm.web.signin;

import java.util.List;
import org.icm.kernel.identity.IcmClaims;
import org.icm.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Sign-in as a confidential OAuth2 client of the platform's issuer (authorization code with PKCE), the tokens kept in
 * the server session (backend-for-frontend): the browser only ever holds the {@code ICM_WEB_SESSION} cookie. The client
 * registration is built from properties, not discovered, because the issuer starts in parallel with the web client.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final String REGISTRATION = "icm";

    /** Pages anyone may read; everything else needs a signed-in member (roles are checked per page below). */
    private static final String[] PUBLIC = {"/", "/dossiers", "/dossiers/*", "/countries", "/countries/*", "/calendar", "/calendar/meetings/*",
            "/calendar/meetings/*/briefing", "/directory", "/directory/*", "/join", "/invitations/*", "/password-reset", "/password-reset/*",
            "/sign-in", "/sign-in/**", "/signed-in",
            "/dossiers/*/recommendations/*/uptake", "/dossiers/*/uptake", "/dossiers/*/uptake/export", "/uptake/impact", "/uptake/impact/export",
            "/assets/**", "/webjars/**", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info"};

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, AccessTokenUsers users) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/dossiers/new", "/dossiers/*/curate", "/dossiers/*/curate/**").hasRole("FOCAL_POINT")
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admissions", "/admissions/**", "/meetings/new", "/dossiers/*/measures/**",
                                "/dossiers/*/recommendations/*/status", "/dossiers/*/recommendations/*/text", "/dossiers/*/recommendations/*/outcome", "/dossiers/*/rights", "/dossiers/*/recommendations/new", "/directory/*/invitations",
                                "/operations", "/operations/**",
                                "/dead-letters", "/dead-letters/**")
                        .hasRole("FOCAL_POINT")
                        .requestMatchers("/dossiers/*/history", "/dossiers/*/history/**", "/national-implementation/export")
                        .hasAnyRole("ANALYST", "FOCAL_POINT")
                        // uptake: focal points and analysts record it and look for passages (the policy service decides each)
                        .requestMatchers("/dossiers/*/recommendations/*/uptake/steps/**").hasAnyRole("ANALYST", "FOCAL_POINT")
                        // national facts: members record for their organisation's countries (the policy service checks which)
                        .requestMatchers("/countries/*/dossiers/**").hasAnyRole("PARTICIPANT", "FOCAL_POINT")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/sign-in")
                        // not under /oauth2/**: that path belongs to the issuer behind the gateway
                        .authorizationEndpoint(endpoint -> endpoint.baseUri("/sign-in"))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri("/signed-in"))
                        .loginProcessingUrl("/signed-in")
                        .userInfoEndpoint(userInfo -> userInfo.userService(users).oidcUserService(users::loadOidcUser))
                        .failureUrl("/?sign-in-failed"))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOutAtTheIssuerToo(registrations))
                        .deleteCookies("ICM_WEB_SESSION"))
                // no inline script or style anywhere: the same policy the gateway sends, so a page that breaks it fails here too
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * Signing out ends the session at the issuer too (OpenID Connect RP-initiated logout), which then sends the browser
     * back to the home page with the signed-out notice; without it, the next sign-in would pass the issuer silently.
     */
    private static LogoutSuccessHandler signedOutAtTheIssuerToo(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/?signed-out");
        handler.setDefaultTargetUrl("/?signed-out");
        return handler;
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties web) {
        // without its secret the issuer refuses every sign-in: say so at start-up, not at a user's first sign-in
        if (web.clientSecret() == null || web.clientSecret().isBlank()) {
            throw new IllegalStateException("icm.web.client-secret is not set (ICM_WEB_CLIENT_SECRET): the web client cannot sign anyone in"
                    + " without the secret the issuer registered for " + web.clientId());
        }
        ClientRegistration icm = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("ICM")
                .clientId(web.clientId())
                .clientSecret(web.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri(web.redirectUri())
                .scope(web.scope().split("[,\\s]+"))
                .authorizationUri(web.issuer() + "/oauth2/authorize")
                .tokenUri(web.tokenUri())
                .jwkSetUri(web.jwkSetUri())
                .issuerUri(web.issuer())
                .providerConfigurationMetadata(java.util.Map.of("end_session_endpoint", web.issuer() + "/connect/logout"))
                .userNameAttributeName(IcmClaims.ACCOUNT)
                .build();
        return new InMemoryClientRegistrationRepository(icm);
    }

    /** The tokens live in the server session, nowhere else. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the signed-in user's access token, refreshing it (and its rotated refresh token) when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }

    /** The access token is checked before its claims are believed: signature (issuer's keys), issuer, expiry and audience. */
    @Bean
    JwtDecoder accessTokenDecoder(WebProperties web) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(web.jwkSetUri()).build();
        JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>("aud",
                aud -> aud != null && aud.contains(IcmClaims.AUDIENCE));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(web.issuer()), audience,
                jwt -> jwt.getSubject() != null ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token names no account", null))));
        return decoder;
    }
}
