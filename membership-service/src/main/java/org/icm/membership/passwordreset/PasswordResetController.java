package org.icm.membership.passwordreset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.icm.membership.credentials.Invitations;
import org.icm.membership.organisation.Checks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Password reset", description = "A way back into an account whose password is forgotten (public)")
class PasswordResetController {

    /** The one answer to every request, whether or not the address has an account. */
    static final String ON_ITS_WAY = "If an account has this address, a link to choose a new password is on its way. It works once, for 30 minutes.";

    record ResetRequest(@Schema(maxLength = Checks.EMAIL_MAX) String email, @Schema(allowableValues = {"en", "fr"}) String language) {
    }

    record NewPassword(@Schema(maxLength = Invitations.PASSWORD_MAX) String password) {
    }

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @PostMapping("/password-resets")
    @Operation(summary = "Ask for a link to choose a new password (public)",
            description = "Always 202 with the same answer, so no one learns whether an address has an account. The link goes by mail "
                    + "in English or French (language). At most 3 links per address and 10 requests per client an hour (then 429).")
    ResponseEntity<Map<String, String>> request(@RequestBody(required = false) ResetRequest body, HttpServletRequest request) {
        resets.request(body == null ? null : body.email(), client(request), body == null ? null : body.language());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", ON_ITS_WAY));
    }

    @PostMapping("/password-resets/{token}")
    @Operation(summary = "Choose the new password with the link's token (public): once, within 30 minutes; every sign-in of the account ends")
    ResponseEntity<Void> reset(@PathVariable String token, @RequestBody(required = false) NewPassword body) {
        resets.reset(token, body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    /** Who asks: the first address of X-Forwarded-For (the gateway, and the web client for a browser, pass it on), else the caller. */
    private static String client(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : request.getRemoteAddr();
    }
}
