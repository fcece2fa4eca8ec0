package org.icm.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.gateway.SignInAgain;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page shows around its content (who is signed in, the language switch), and how failures look. */
@ControllerAdvice
class PageDefaults {

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        return Me.of(authentication);
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    /** This page's address with {@code lang} set: the switch keeps the person where they are. */
    @ModelAttribute("switchLanguage")
    String switchLanguage(Locale locale) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "fr".equals(locale.getLanguage()) ? "en" : "fr")
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }

    /** The tokens cannot be refreshed any more: end the web session and sign in again, then come back here. */
    @ExceptionHandler(SignInAgain.class)
    void signInAgain(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        response.sendRedirect("/sign-in");
    }

    /** A read the service refused or could not answer: a page that says so, with the service's own words. */
    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, Model model, HttpServletResponse response, Authentication authentication, Locale locale) {
        response.setStatus(problem.status() >= 400 && problem.status() < 600 ? problem.status() : HttpStatus.BAD_GATEWAY.value());
        model.addAttribute("me", Me.of(authentication));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("switchLanguage", "?lang=" + ("fr".equals(locale.getLanguage()) ? "en" : "fr"));
        model.addAttribute("problem", problem);
        return "problem";
    }
}
