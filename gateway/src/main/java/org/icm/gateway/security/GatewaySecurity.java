package org.icm.gateway.security;

import java.util.Arrays;
import org.icm.gateway.limits.RateLimitFilter;
import org.icm.gateway.problems.GatewayProblems;
import org.icm.gateway.routing.PlatformServices;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may pass the front door. The gateway validates the platform's JWTs as every service does (issuer, key set,
 * audience {@code icm-platform}, from {@code spring.security.oauth2.resourceserver.jwt.*}) and relays the token
 * unchanged; the services check it again and enforce the object-level rules (their own organisation, their own
 * subscriptions). Here: published content is public, the rest of {@code /api/**} needs a token, {@code /admin/**}
 * is for focal points, the history of dossiers for analysts and focal points. Paths the gateway does not own (the
 * web client's pages) pass without a token: the web client signs people in with its own session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    /** The sign-in endpoints of the issuer, routed to membership-service unchanged. */
    static final String[] SIGN_IN_PATHS = PlatformServices.SIGN_IN_PATHS;
    /** The one Swagger UI and the document list it reads. */
    static final String[] API_DOCUMENT_PATHS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/webjars/swagger-ui/**",
            "/api/*/v3/api-docs", "/api/*/v3/api-docs/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewaySecurityProperties properties, RateLimitFilter rateLimits) {
        var problems = new ProblemSecurityHandlers(rateLimits);
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/api/*/actuator/health").permitAll()
                        .pathMatchers(SIGN_IN_PATHS).permitAll()
                        // the platform's metrics (the gateway's and, through it, each service's) are the operators'
                        .pathMatchers("/actuator/prometheus", "/api/*/actuator/**").hasRole(Role.FOCAL_POINT.name())
                        .pathMatchers(HttpMethod.GET, API_DOCUMENT_PATHS).permitAll()
                        // before the public reads: /dossiers/** is public, its history is not
                        .pathMatchers("/api/policy/dossiers/*/history", "/api/policy/dossiers/*/history/**")
                        .hasAnyRole(Role.ANALYST.name(), Role.FOCAL_POINT.name())
                        .pathMatchers("/admin/**").hasRole(Role.FOCAL_POINT.name())
                        .pathMatchers(HttpMethod.GET, GatewaySecurityProperties.atGateway(properties.publicReads())).permitAll()
                        .pathMatchers(HttpMethod.POST, GatewaySecurityProperties.atGateway(properties.publicWrites())).permitAll()
                        .pathMatchers("/api/**", "/actuator/**").authenticated()
                        // the web client's pages (its own catch-all route): it keeps its own session
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // written for every answer by SecurityHeadersFilter, also for those refused before this chain (CORS)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                // bearer tokens only: no session, no saved requests, nothing for CSRF to ride on (the sign-in form's
                // CSRF protection is membership-service's own)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // POST /logout belongs to the web client and to membership-service, not to the gateway
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /**
     * No observation of each security filter, authentication and authorization: every request is already timed once
     * with its outcome (http.server.requests, 401 and 403 included), and wrapping each filter of the chain in an
     * observation cost 6 % of the gateway's CPU (GatewayOverheadBenchmark with JFR).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Maps the roles claim to ROLE_ authorities, as the services do. */
    static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            var names = jwt.getClaimAsStringList(IcmClaims.ROLES);
            var authorities = Arrays.stream(Role.values())
                    .filter(role -> names != null && names.contains(role.name()))
                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    /**
     * 401 and 403 as problem+json, keeping the {@code WWW-Authenticate} header of RFC 6750; a 401 counts against the
     * caller's address rate limit, so trying tokens one after another ends in 429.
     */
    static final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

        private final RateLimitFilter rateLimits;

        ProblemSecurityHandlers(RateLimitFilter rateLimits) {
            this.rateLimits = rateLimits;
        }

        private final BearerTokenServerAuthenticationEntryPoint bearerEntryPoint = new BearerTokenServerAuthenticationEntryPoint();
        private final BearerTokenServerAccessDeniedHandler bearerAccessDenied = new BearerTokenServerAccessDeniedHandler();

        @Override
        public Mono<Void> commence(ServerWebExchange exchange,
                                   AuthenticationException exception) {
            return rateLimits.unauthenticated(exchange, () -> bearerEntryPoint.commence(headersOnly(exchange), exception)
                    .then(GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                            "This request needs a valid access token.")));
        }

        @Override
        public Mono<Void> handle(ServerWebExchange exchange,
                                 AccessDeniedException exception) {
            return bearerAccessDenied.handle(headersOnly(exchange), exception).then(GatewayProblems.write(exchange, HttpStatus.FORBIDDEN,
                    "forbidden", "Not allowed", "Your account's roles do not allow this request."));
        }

        /** The bearer handlers set the status and WWW-Authenticate, then complete the response: keep it open for the body. */
        private static ServerWebExchange headersOnly(ServerWebExchange exchange) {
            return exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> setComplete() {
                    return Mono.empty();
                }
            }).build();
        }
    }
}
