package org.icm.membership.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one plain HTML form, labelled fields, the error read out by screen readers (role="alert"),
 * no script, no inline style (its style sheet is /login.css, so a strict Content-Security-Policy holds). The same message for an unknown address and a wrong password.
 */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("locked") != null) {
            message = "<p role=\"alert\" id=\"problem\">Too many failed sign-ins. Sign-in is locked for a while; try again later.</p>";
        } else if (request.getParameter("error") != null) {
            message = "<p role=\"alert\" id=\"problem\">E-mail address or password not recognised.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in - ICM</title>
                <link rel="stylesheet" href="/login.css"></head>
                <body><main>
                <h1>Sign in to ICM</h1>
                %s
                <form method="post" action="/login">
                <label for="username">E-mail address</label>
                <input id="username" name="username" type="email" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Sign in</button>
                </form>
                </main></body></html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
