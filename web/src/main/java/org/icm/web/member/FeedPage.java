package org.icm.web.member;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.icm.web.gateway.Gateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * My notifications, updated live. The browser holds no token, so the live part is relayed: this app opens the
 * notification service's stream through the gateway with the person's token and passes each notification on as a
 * rendered list item (htmx's SSE extension puts it at the top of the list).
 */
@Controller
class FeedPage {

    private static final Logger log = LoggerFactory.getLogger(FeedPage.class);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final Gateway gateway;
    private final ITemplateEngine templates;
    private final JsonMapper json;
    private final ApplicationContext applicationContext;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FeedPage(Gateway gateway, ITemplateEngine templates, JsonMapper json, ApplicationContext applicationContext) {
        this.gateway = gateway;
        this.applicationContext = applicationContext;
        this.templates = templates;
        this.json = json;
    }

    @GetMapping("/feed")
    String feed(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("feed", gateway.get(gateway.uri("/api/notifications/feed", Gateway.query("page", Math.max(0, page), "size", 50)),
                Feed.Page.class));
        return "feed";
    }

    @PostMapping("/feed/read-all")
    String readAll() {
        gateway.send(HttpMethod.POST, gateway.uri("/api/notifications/feed/read-all"), null, null);
        return "redirect:/feed";
    }

    /** One notification read; the page comes back with it among the read ones (the live stream reconnects). */
    @PostMapping("/feed/{id}/read")
    String readOne(@org.springframework.web.bind.annotation.PathVariable String id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/notifications/feed/" + Gateway.segment(id) + "/read"), null, null);
            redirect.addFlashAttribute("notice", "notice.markedRead");
        } catch (org.icm.web.gateway.ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
        }
        return "redirect:/feed";
    }

    @GetMapping(path = "/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Locale locale, org.springframework.security.web.csrf.CsrfToken csrf) {
        // the token is taken (and refreshed if needed) now, on the request's thread, where the session is at hand
        String token = gateway.accessToken().orElseThrow();
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        Runnable close = () -> {
            InputStream in = upstream.getAndSet(null);
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/api/notifications/feed/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .header("Accept-Language", locale.toLanguageTag()).build();
        // items rendered outside the request need the session's CSRF token for their "mark read" form
        String csrfName = csrf == null ? null : csrf.getParameterName();
        String csrfValue = csrf == null ? null : csrf.getToken();
        Thread.ofVirtual().name("feed-relay").start(() -> relay(request, emitter, upstream, locale, csrfName, csrfValue));
        return emitter;
    }

    private void relay(HttpRequest request, SseEmitter emitter, AtomicReference<InputStream> upstream, Locale locale, String csrfName,
                       String csrfValue) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                emitter.complete();
                return;
            }
            upstream.set(response.body());
            emitter.send(SseEmitter.event().comment("connected"));
            String event = null;
            StringBuilder data = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if ("notification".equals(event) && !data.isEmpty()) {
                            emitter.send(SseEmitter.event().name("notification").data(render(data.toString(), locale, csrfName, csrfValue)));
                        }
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // the browser left, or the service's stream ended: nothing to keep
            log.debug("feed relay ended: {}", e.toString());
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    /** One notification as the list item the feed page shows, on one line (an SSE data line). */
    private String render(String data, Locale locale, String csrfName, String csrfValue) {
        Feed.Item item = json.readValue(data, Feed.Item.class);
        Context context = new Context(locale);
        context.setVariable("item", item);
        context.setVariable("liveCsrfName", csrfName);
        context.setVariable("liveCsrfValue", csrfValue);
        // outside a request: the template still reaches beans (@labels) and speaks the page's language
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        LocaleContextHolder.setLocale(locale);
        return templates.process("feed-item", context).replace('\n', ' ').replace('\r', ' ').strip();
    }
}
