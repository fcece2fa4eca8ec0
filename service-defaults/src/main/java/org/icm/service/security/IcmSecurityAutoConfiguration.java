package org.icm.service.security;

import java.util.ArrayList;
import java.util.List;
import org.icm.kernel.identity.Role;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server for the platform's JWTs (issuer, key set and audience from
 * {@code spring.security.oauth2.resourceserver.jwt.*}). Health is public; the paths a service lists in
 * {@code icm.security.public-reads} are public for GET, those in {@code icm.security.public-writes} for POST; everything else needs a token. Services check
 * roles and object-level rules themselves.
 */
@AutoConfiguration
@EnableConfigurationProperties(IcmSecurityProperties.class)
@EnableMethodSecurity
public class IcmSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain icmSecurityFilterChain(HttpSecurity http, IcmSecurityProperties properties) throws Exception {
        return resourceServerChain(http, properties, new String[0]);
    }

    /**
     * The platform's resource-server chain, for a service that has chains of its own (membership-service also issues
     * tokens) and so does not get {@link #icmSecurityFilterChain}: the same rules, plus paths anyone may POST to.
     */
    public static SecurityFilterChain resourceServerChain(HttpSecurity http, IcmSecurityProperties properties, String... publicPosts)
            throws Exception {
        var problems = new ProblemSecurityHandlers();
        return http
                .authorizeHttpRequests(requests -> {
                    // the metrics are for a Prometheus on the services' own network; through the gateway only focal points reach them
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                            // the API documents (springdoc), where a service has them
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .requestMatchers(HttpMethod.GET, properties.publicReads().toArray(String[]::new)).permitAll()
                            .requestMatchers("/error").permitAll();
                    List<String> posts = new ArrayList<>(properties.publicWrites());
                    posts.addAll(List.of(publicPosts));
                    if (!posts.isEmpty()) {
                        requests.requestMatchers(HttpMethod.POST, posts.toArray(String[]::new)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(icmJwtAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // bearer tokens only, no cookies: no session and nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Maps the roles claim to ROLE_ authorities, so {@code hasRole("FOCAL_POINT")} works. */
    static Converter<Jwt, AbstractAuthenticationToken> icmJwtAuthenticationConverter() {
        return jwt -> new JwtAuthenticationToken(jwt,
                Actor.roles(jwt).stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList(),
                jwt.getSubject());
    }

    @Bean
    WebMvcConfigurer actorParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }
}
