package org.icm.web.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.api.ChangeReason;
import org.icm.web.WebProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only way the web client reaches the services: through the gateway ({@code icm.web.gateway}), with the signed-in
 * person's access token (refreshed when it has expired) or, for anonymous pages, without one. A service's refusal
 * comes back as a {@link ServiceProblem}.
 */
@Component
public class Gateway {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    /** The header the services read the reason for a change from (service-defaults' Writes.REASON_HEADER). */
    public static final String CHANGE_REASON = ChangeReason.HEADER;

    private final RestClient client;
    private final URI base;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final JsonMapper json;
    private final MessageSource messages;

    Gateway(RestClient.Builder builder, WebProperties web, OAuth2AuthorizedClientManager authorizedClients, JsonMapper json,
            MessageSource messages) {
        this.base = web.gateway();
        this.client = builder.build();
        this.authorizedClients = authorizedClients;
        this.json = json;
        this.messages = messages;
    }

    /** An id from a link or a form, safe as one path segment. */
    public static String segment(String value) {
        return UriUtils.encodePathSegment(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code path} (already encoded) with the non-blank query values; a collection's values each as the parameter once. */
    public URI uri(String path, Map<String, ?> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base).path(path);
        if (query != null) {
            query.forEach((name, value) -> {
                if (value instanceof Collection<?> values) {
                    values.stream().filter(one -> one != null && !one.toString().isBlank()).forEach(one -> uri.queryParam(name, one));
                } else if (value != null && !value.toString().isBlank()) {
                    uri.queryParam(name, value);
                }
            });
        }
        return uri.encode().build().toUri();
    }

    public URI uri(String path) {
        return uri(path, null);
    }

    public <T> T get(URI uri, Class<T> type) {
        return client.get().uri(uri).headers(this::authorize).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(status -> status.isError(), (request, response) -> { throw problem(response); })
                .body(type);
    }

    public <T> T get(URI uri, ParameterizedTypeReference<T> type) {
        return client.get().uri(uri).headers(this::authorize).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(status -> status.isError(), (request, response) -> { throw problem(response); })
                .body(type);
    }

    /** A read with the ETag the services use for If-Match. */
    public <T> Versioned<T> getVersioned(URI uri, Class<T> type) {
        var entity = client.get().uri(uri).headers(this::authorize).accept(MediaType.APPLICATION_JSON).retrieve()
                .onStatus(status -> status.isError(), (request, response) -> { throw problem(response); })
                .toEntity(type);
        return new Versioned<>(entity.getBody(), entity.getHeaders().getETag());
    }

    public record Versioned<T>(T body, String etag) {
    }

    /** A write: the body as JSON (or none), {@code If-Match} when given; answers the service's JSON body, if any. */
    public JsonNode send(HttpMethod method, URI uri, Object body, String ifMatch) {
        return send(method, uri, body, ifMatch, null);
    }

    /** A write that also says why it is made: the services keep {@code reason} in the change's audit record. */
    public JsonNode send(HttpMethod method, URI uri, Object body, String ifMatch, String reason) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri).headers(this::authorize).accept(MediaType.APPLICATION_JSON);
        if (reason != null && !reason.isBlank()) {
            // a header carries Latin-1 at most: a reason in French often needs more (’, œ), so it travels encoded
            request.header(CHANGE_REASON, ChangeReason.encode(reason.strip()));
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header(HttpHeaders.IF_MATCH, ifMatch.startsWith("\"") ? ifMatch : "\"" + ifMatch + "\"");
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        String answer = request.retrieve()
                .onStatus(status -> status.isError(), (req, response) -> { throw problem(response); })
                .body(String.class);
        return answer == null || answer.isBlank() ? json.createObjectNode() : json.readTree(answer);
    }

    /** Copies a service's answer (an export) to the browser as it arrives, with its type and file name. */
    public void stream(URI uri, HttpServletResponse target) {
        client.get().uri(uri).headers(this::authorize).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw problem(response);
            }
            target.setStatus(response.getStatusCode().value());
            Optional.ofNullable(response.getHeaders().getContentType()).ifPresent(type -> target.setContentType(type.toString()));
            Optional.ofNullable(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .ifPresent(value -> target.setHeader(HttpHeaders.CONTENT_DISPOSITION, value));
            try (InputStream in = response.getBody(); OutputStream out = target.getOutputStream()) {
                in.transferTo(out);
            }
            return null;
        }, true);
    }

    /** The signed-in person's current access token (refreshed when expired), or empty for an anonymous visitor. */
    public Optional<String> accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken signedIn)) {
            return Optional.empty();
        }
        OAuth2AuthorizeRequest.Builder authorize = OAuth2AuthorizeRequest.withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
                .principal(signedIn);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            authorize.attribute(HttpServletRequest.class.getName(), servlet.getRequest());
            if (servlet.getResponse() != null) {
                authorize.attribute(HttpServletResponse.class.getName(), servlet.getResponse());
            }
        }
        try {
            OAuth2AuthorizedClient authorized = authorizedClients.authorize(authorize.build());
            if (authorized == null) {
                throw new SignInAgain(null);
            }
            return Optional.of(authorized.getAccessToken().getTokenValue());
        } catch (OAuth2AuthorizationException e) {
            throw new SignInAgain(e);
        }
    }

    private void authorize(HttpHeaders headers) {
        accessToken().ifPresent(headers::setBearerAuth);
        browserAddress().ifPresent(address -> headers.set("X-Forwarded-For", address));
        // the page's language: what a service words for the reader (the feed's notifications) comes back in it
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
    }

    /**
     * The address of the browser this page serves (the first the gateway forwarded), passed on so that a service's
     * per-client limits (password resets) count each person's browser, not the web client as one client.
     */
    private static Optional<String> browserAddress() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpServletRequest request = servlet.getRequest();
        String forwarded = request.getHeader("X-Forwarded-For");
        return Optional.ofNullable(forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : request.getRemoteAddr());
    }

    private ServiceProblem problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] body = response.getBody().readAllBytes();
        String title = response.getStatusText();
        String detail = null;
        String type = null;
        List<ServiceProblem.FieldProblem> errors = new ArrayList<>();
        Set<String> english = new HashSet<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                type = text(problem, "type");
                title = Optional.ofNullable(text(problem, "title")).orElse(title);
                String code = text(problem, "code") != null ? text(problem, "code") : codeOf(type);
                detail = inPageLanguage(code, text(problem, "detail"), english);
                JsonNode fields = problem.get("errors");
                if (fields != null && fields.isArray()) {
                    for (JsonNode field : fields) {
                        String fieldCode = text(field, "code") != null ? text(field, "code") : code;
                        errors.add(new ServiceProblem.FieldProblem(text(field, "field"), inPageLanguage(fieldCode, text(field, "reason"), english)));
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // a problem the gateway made itself (a service down) may not be JSON: the status says enough
        }
        log.info("the platform answered {} {}: {}", status, title, detail);
        return new ServiceProblem(status, type, title, detail, errors, english);
    }

    /**
     * The page's words for a refusal's stable code ({@code problem.<code>} in problems_*.properties), else the service's
     * own sentence, remembered as English. English pages keep the service's sentence: it names the values.
     */
    private String inPageLanguage(String code, String serviceText, Set<String> english) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            String translated = code == null ? null : messages.getMessage("problem." + code, null, null, locale);
            if (translated != null) {
                return translated;
            }
        }
        if (serviceText != null) {
            english.add(serviceText);
        }
        return serviceText;
    }

    /** {@code urn:icm:problem:step-after-exit} -> {@code step-after-exit}. */
    private static String codeOf(String type) {
        return type != null && type.startsWith("urn:icm:problem:") ? type.substring("urn:icm:problem:".length()) : null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A map of query values in the order given, for {@link #uri(String, Map)}. */
    public static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

}
