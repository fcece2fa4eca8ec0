package org.icm.membership.signin;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.identity.IcmClaims;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.service.scheduling.ScheduledJobs;
import org.icm.service.security.IcmSecurityAutoConfiguration;
import org.icm.service.security.IcmSecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * membership-service is the platform's token issuer (Spring Authorization Server) and, like every service, a
 * resource server for those tokens. Three filter chains, in order: the authorization server's endpoints
 * ({@code /oauth2/*}, metadata), the sign-in page ({@code /login}, with a session and CSRF), and the API as a
 * stateless JWT resource server exactly as service-defaults configures every other service.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final String SCOPE = "icm";

    /**
     * The authorization server's endpoints, OpenID Connect 1.0 included: discovery
     * ({@code /.well-known/openid-configuration}, beside RFC 8414's {@code /.well-known/oauth-authorization-server}), ID
     * tokens for the {@code openid} scope, UserInfo ({@code /userinfo}: {@link OpenIdClaims}) and RP-initiated logout
     * ({@code /connect/logout}), so a member organisation's own tool can sign its staff in with their ICM account.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, OpenIdClaims openIdClaims) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        return http
                .securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(oidc -> oidc
                        .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(openIdClaims::userInfo))
                        // say what a client may ask for, and what it gets
                        .providerConfigurationEndpoint(configuration -> configuration.providerConfigurationCustomizer(metadata -> metadata
                                .scopes(scopes -> scopes.addAll(List.of(OidcScopes.PROFILE, OidcScopes.EMAIL, SCOPE)))
                                .claim("claims_supported", OpenIdClaims.SUPPORTED)))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // UserInfo is read with the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(org.springframework.security.config.Customizer.withDefaults()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                // a browser that is not signed in goes to the sign-in page, and comes back after it
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInPageChain(HttpSecurity http, PasswordSignIn passwordSignIn) throws Exception {
        return http
                .securityMatcher("/login", "/login.css", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(passwordSignIn))
                .formLogin(form -> form.loginPage("/login").failureHandler((request, response, failure) ->
                        response.sendRedirect(failure instanceof LockedException ? "/login?locked" : "/login?error")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, IcmSecurityProperties properties) throws Exception {
        // applying and accepting an invitation need no token
        return IcmSecurityAutoConfiguration.resourceServerChain(http, properties, "/organisations", "/invitations/*/accept", "/password-resets",
                "/password-resets/*");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; hashes name their algorithm ({bcrypt}...), so a later switch to Argon2 keeps old ones valid
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordSignIn passwordSignIn(CredentialStore credentials, OrganisationDirectory directory, PasswordEncoder encoder, FailedSignIns failures,
                                  MeterRegistry meters) {
        return new PasswordSignIn(credentials, directory, encoder, failures, meters);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcTemplate jdbc) {
        return SigningKeys.load(jdbc);
    }

    @Bean
    StoredAuthorizations storedAuthorizations(JdbcTemplate jdbc, ScheduledJobs jobs) {
        return new StoredAuthorizations(jdbc, jobs);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(StoredAuthorizations authorizations, RegisteredClientRepository clients) {
        return authorizations.service(clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${icm.security.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(SignInProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime())
                .refreshTokenTimeToLive(properties.refreshTokenLifetime()).reuseRefreshTokens(false).build();
        SignInProperties.WebClient web = properties.web();
        if (web.clientSecret() != null && !web.clientSecret().isBlank()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(web.clientId().getBytes()).toString())
                    .clientId(web.clientId())
                    .clientSecret(encoder.encode(web.clientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(web.redirectUris()))
                    // signing out of the web client ends the session here too, and comes back to its home page
                    .postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
                    .scope(SCOPE)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    // first-party client: no consent page; PKCE always, though the client is confidential
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    // a refresh token is good for one use: each refresh answers with a new one (rotation)
                    .tokenSettings(tokens)
                    .build());
        }
        SignInProperties.MachineClient machine = properties.machine();
        if (machine.clientSecret() != null && !machine.clientSecret().isBlank()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(machine.clientId().getBytes()).toString())
                    .clientId(machine.clientId())
                    .clientSecret(encoder.encode(machine.clientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(SCOPE)
                    .tokenSettings(tokens)
                    .build());
        }
        // no secret configured, no client: the service still runs (tokens from an external issuer, README), issuing none
        return clients.isEmpty() ? NO_CLIENTS : new InMemoryRegisteredClientRepository(clients);
    }

    private static final RegisteredClientRepository NO_CLIENTS = new RegisteredClientRepository() {
        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("clients come from configuration (icm.signin.*)");
        }

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    };

    /**
     * Access tokens carry the platform's claims ({@link IcmClaims}): the account as subject, its organisation, roles and
     * the organisation's countries, audience {@code icm-platform}. Read at every issue, refreshes included, so a deactivated account or a suspended
     * organisation gets no new token and a role change shows in the next one.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> icmClaims(CredentialStore credentials, OrganisationDirectory directory, SignInProperties properties,
                                                        OpenIdClaims openIdClaims) {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                openIdClaims.idToken(context);
                return;
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            // claims are kept with the stored authorization (StoredAuthorizations), whose JSON reader trusts only plain
            // collection types: ArrayList, not List.of's immutable ones
            context.getClaims().audience(new ArrayList<>(List.of(IcmClaims.AUDIENCE)));
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim(IcmClaims.ROLES, new ArrayList<>(properties.machine().roles()));
                return;
            }
            OrganisationDirectory.AccountEntry account = credentials.byEmail(context.getPrincipal().getName())
                    .flatMap(credential -> directory.account(credential.accountId()))
                    .filter(OrganisationDirectory.AccountEntry::canSignIn)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
            List<String> countries = directory.find(account.organisationId())
                    .map(organisation -> organisation.state().profile().countries()).orElse(List.of());
            context.getClaims()
                    .subject(account.accountId())
                    .claim(IcmClaims.ORGANISATION, account.organisationId())
                    .claim(IcmClaims.ROLES, new ArrayList<>(account.roles()))
                    .claim(IcmClaims.COUNTRIES, new ArrayList<>(countries));
        };
    }
}
