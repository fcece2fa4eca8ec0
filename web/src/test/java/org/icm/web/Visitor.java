package org.icm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Someone who is not signed in, for the web client's tests: requests pass the application's real security filter chain
 * (CSRF, roles), as a {@link SignedIn} person's do, without a session.
 *
 * @param web the application, with its security filters
 */
public record Visitor(MockMvc web) {

    public static Visitor of(WebApplicationContext context) {
        return new Visitor(application(context));
    }

    /** The application as a browser reaches it: through its security filter chain. */
    static MockMvc application(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    /** A page in a language (its {@code Accept-Language}), which must be there (200): its HTML. */
    public String page(String path, String language) throws Exception {
        MvcResult result = web.perform(get(path).header("Accept-Language", language).accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
