package org.icm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.kernel.identity.IcmClaims;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * A signed-in person for the web client's tests. The real sign-in needs the platform's issuer (the browser journeys do
 * it for real); here the session holds what a sign-in leaves there (the authentication, and the tokens stored through the
 * application's own repository), and requests pass the application's real security filter chain (CSRF, roles).
 *
 * @param web     the application, with its security filters
 * @param session the signed-in person's session; its access token is {@code <account>-token}
 */
public record SignedIn(MockMvc web, MockHttpSession session) {

    public static SignedIn as(WebApplicationContext context, String account, String... roles) {
        MockMvc web = Visitor.application(context);
        MockHttpSession session = new MockHttpSession();
        var user = new DefaultOAuth2User(Arrays.stream(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                Map.of(IcmClaims.ACCOUNT, account, IcmClaims.ORGANISATION, "org-1"), IcmClaims.ACCOUNT);
        var authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), "icm");
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(authentication));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        ClientRegistrationRepository registrations = context.getBean(ClientRegistrationRepository.class);
        context.getBean(OAuth2AuthorizedClientRepository.class).saveAuthorizedClient(new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("icm"), account,
                        new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, account + "-token", Instant.now(), Instant.now().plusSeconds(3600))),
                authentication, request, new MockHttpServletResponse());
        return new SignedIn(web, session);
    }

    /** A page, as this person reads it in English, which must be there (200): its HTML. */
    public String page(String path) throws Exception {
        return page(path, "en");
    }

    /** A page in a language (its {@code Accept-Language}), which must be there (200): its HTML. */
    public String page(String path, String language) throws Exception {
        MvcResult result = web.perform(get(path).session(session).header("Accept-Language", language).accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The CSRF token a page's forms carry, to send with a form as the browser would. */
    public static String csrfToken(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
