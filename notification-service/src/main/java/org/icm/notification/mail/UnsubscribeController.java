package org.icm.notification.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.icm.notification.subscription.Subscriptions;
import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in every mail. Open without a token (icm.security.public-reads/-writes): the signature in the link is the
 * proof. GET only shows a page with a button (link scanners follow GETs); POST, which mail clients send for one-click
 * unsubscribing (RFC 8058, body {@code List-Unsubscribe=One-Click}), switches e-mail off for the account.
 */
@RestController
@Tag(name = "unsubscribe")
public class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final Subscriptions subscriptions;
    private final Outbox outbox;

    public UnsubscribeController(UnsubscribeLinks links, Subscriptions subscriptions, Outbox outbox) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A page that confirms unsubscribing from e-mail (does not change anything by itself)")
    public ResponseEntity<?> page(@RequestParam(required = false) String token) {
        if (links.verify(token).isEmpty()) {
            return invalid();
        }
        String action = "unsubscribe?token=" + HtmlUtils.htmlEscape(token);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<html><body><form method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Stop ICM e-mails</button></form></body></html>");
    }

    @PostMapping(path = "/unsubscribe")
    @Operation(summary = "One-click unsubscribe (RFC 8058): no more e-mail for the account the signed link names")
    public ResponseEntity<?> unsubscribe(@RequestParam(required = false) String token) {
        Optional<String> account = links.verify(token);
        if (account.isEmpty()) {
            return invalid();
        }
        subscriptions.save(subscriptions.of(account.get()).withoutEmail());
        outbox.cancelPending(account.get());
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body("<html><body><p>You will receive no more e-mail from ICM. The in-app feed is unchanged.</p></body></html>");
    }

    private static ResponseEntity<?> invalid() {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-unsubscribe-link", "Invalid unsubscribe link",
                        "The link is incomplete or its signature does not match."));
    }
}
