package org.icm.membership.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one plain HTML form, labelled fields, the error read out by screen readers (role="alert"),
 * no script, no inline style (its style sheet is /login.css, so a strict Content-Security-Policy holds). The same message for an unknown address and a wrong password.
 * In English or French, as the web client's pages: the language chosen there ({@value #LANGUAGE_COOKIE}, the same host
 * behind the gateway), else the browser's; a switch on the page chooses and remembers the other.
 */
@Controller
class LoginPage {

    /** The web client's language cookie (web's Languages): one choice for every page a person sees. */
    static final String LANGUAGE_COOKIE = "ICM_LANG";

    /** The page's words in one language. */
    private record Words(String language, String title, String heading, String email, String password, String submit,
                         String locked, String notRecognised, String switchTo, String switchLanguage, String forgotten) {
    }

    private static final Words ENGLISH = new Words("en", "Sign in - ICM", "Sign in to ICM", "E-mail address", "Password", "Sign in",
            "Too many failed sign-ins. Sign-in is locked for a while; try again later.",
            "E-mail address or password not recognised.", "Français", "fr", "Forgot your password?");
    private static final Words FRENCH = new Words("fr", "Connexion - ICM", "Se connecter à ICM", "Adresse e-mail", "Mot de passe",
            "Se connecter", "Trop de connexions échouées. La connexion est bloquée pour un moment ; réessayez plus tard.",
            "Adresse e-mail ou mot de passe non reconnus.", "English", "en", "Mot de passe oublié ?");

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request, HttpServletResponse response) {
        Words words = words(request, response);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("locked") != null) {
            message = "<p role=\"alert\" id=\"problem\">" + words.locked() + "</p>";
        } else if (request.getParameter("error") != null) {
            message = "<p role=\"alert\" id=\"problem\">" + words.notRecognised() + "</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/login.css"></head>
                <body><main>
                <p class="language"><a href="/login?lang=%s" hreflang="%s" lang="%s">%s</a></p>
                <h1>%s</h1>
                %s
                <form method="post" action="/login">
                <label for="username">%s</label>
                <input id="username" name="username" type="email" autocomplete="username" required autofocus>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">%s</button>
                </form>
                <p><a href="/password-reset">%s</a></p>
                </main></body></html>
                """.formatted(words.language(), words.title(), words.switchLanguage(), words.switchLanguage(), words.switchLanguage(),
                words.switchTo(), words.heading(), message, words.email(), words.password(),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()), words.submit(), words.forgotten());
    }

    /** {@code ?lang=} chooses (and is remembered as the web client remembers it), else the cookie, else the browser. */
    private static Words words(HttpServletRequest request, HttpServletResponse response) {
        Optional<Words> chosen = Optional.ofNullable(request.getParameter("lang")).flatMap(LoginPage::spoken);
        if (chosen.isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LANGUAGE_COOKIE, chosen.get().language()).path("/")
                    .maxAge(Duration.ofDays(365)).sameSite("Lax").build().toString());
            return chosen.get();
        }
        Optional<Words> remembered = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
                .filter(cookie -> cookie.getName().equals(LANGUAGE_COOKIE)).findFirst().flatMap(cookie -> spoken(cookie.getValue()));
        if (remembered.isPresent() || request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return remembered.orElse(ENGLISH);
        }
        return Collections.list(request.getLocales()).stream()
                .map(Locale::getLanguage).flatMap(language -> spoken(language).stream()).findFirst().orElse(ENGLISH);
    }

    private static Optional<Words> spoken(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "fr" -> Optional.of(FRENCH);
            case "en" -> Optional.of(ENGLISH);
            default -> Optional.empty();
        };
    }
}
