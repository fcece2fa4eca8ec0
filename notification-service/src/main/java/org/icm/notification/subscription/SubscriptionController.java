package org.icm.notification.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.notification.routing.Kind;
import org.icm.service.security.Actor;
import org.icm.service.web.ProblemDetailsAdvice.FieldProblem;
import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions: an account reads and edits its own, and nobody else's. */
@RestController
@Tag(name = "subscriptions")
public class SubscriptionController {

    /**
     * A whole subscription; every field is required, so a PUT never half-replaces one, except {@code language}: absent or
     * null, mails are in the language the person signed up in; and {@code countries}: absent or null, the countries
     * followed stay as they were, so a client written before countries could be followed does not erase them.
     */
    public record SubscriptionRequest(@NotNull Set<Kind> kinds,
                                      @ArraySchema(maxItems = FOLLOWED_MAX, schema = @Schema(maxLength = ID_MAX))
                                      @NotNull @Size(max = FOLLOWED_MAX) Set<@Size(max = ID_MAX) String> dossiers,
                                      @NotNull Set<PolicyArea> policyAreas,
                                      @ArraySchema(maxItems = FOLLOWED_MAX, schema = @Schema(maxLength = ID_MAX))
                                      @NotNull @Size(max = FOLLOWED_MAX) Set<@Size(max = ID_MAX) String> rights,
                                      @ArraySchema(maxItems = FOLLOWED_MAX, schema = @Schema(description = "ISO 3166-1 alpha-2", example = "GR",
                                              maxLength = ID_MAX))
                                      @Size(max = FOLLOWED_MAX) Set<@Size(max = ID_MAX) String> countries,
                                      @NotNull Set<Channel> channels, @NotNull Rhythm emailRhythm,
                                      @Schema(allowableValues = {"en", "fr"}) @Pattern(regexp = "en|fr", message = "is en or fr") String language) {
    }

    /** How many dossiers (or rights) one account follows at most, and the longest id of one. */
    static final int FOLLOWED_MAX = 500;
    static final int ID_MAX = 100;

    private static final RightsCatalogue RIGHTS = RightsCatalogue.standard();

    private final Subscriptions subscriptions;

    public SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/subscriptions/me")
    @Operation(summary = "The signed-in account's subscription (the defaults until it changes them)")
    public Subscription mine(Actor actor) {
        return subscriptions.of(actor.account().toString());
    }

    @PutMapping("/subscriptions/me")
    @Operation(summary = "Replaces the signed-in account's subscription")
    public ResponseEntity<?> replaceMine(Actor actor, @Valid @RequestBody SubscriptionRequest request) {
        return replace(actor.account().toString(), request);
    }

    @GetMapping("/subscriptions/{accountId}")
    @Operation(summary = "An account's subscription: only the account itself may read it")
    public ResponseEntity<?> one(Actor actor, @PathVariable String accountId) {
        if (!actor.account().toString().equals(accountId)) {
            return notYours();
        }
        return ResponseEntity.ok(subscriptions.of(accountId));
    }

    @PutMapping("/subscriptions/{accountId}")
    @Operation(summary = "Replaces an account's subscription: only the account itself may")
    public ResponseEntity<?> replaceOne(Actor actor, @PathVariable String accountId, @Valid @RequestBody SubscriptionRequest request) {
        if (!actor.account().toString().equals(accountId)) {
            return notYours();
        }
        return replace(accountId, request);
    }

    private ResponseEntity<?> replace(String accountId, SubscriptionRequest request) {
        List<String> unknownRights = request.rights().stream().filter(code -> !RIGHTS.contains(code)).sorted().toList();
        if (!unknownRights.isEmpty()) {
            return invalid("rights names codes that are not in the rights catalogue: " + unknownRights,
                    new FieldProblem("rights", "names unknown rights " + unknownRights, "unknown-right"));
        }
        Set<String> countries = request.countries() != null ? request.countries() : subscriptions.of(accountId).countries();
        List<String> unknownCountries = countries.stream().filter(code -> !Country.isValid(code)).sorted().toList();
        if (!unknownCountries.isEmpty()) {
            return invalid("countries names codes that are not ISO 3166-1 alpha-2 country codes (such as GR): " + unknownCountries,
                    new FieldProblem("countries", "names unknown countries " + unknownCountries, "unknown-country"));
        }
        return ResponseEntity.ok(subscriptions.save(new Subscription(accountId, request.kinds(), request.dossiers(), request.policyAreas(),
                request.rights(), countries, request.channels(), request.emailRhythm(), request.language())));
    }

    private static ResponseEntity<?> invalid(String detail, FieldProblem error) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", List.of(error));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<?> notYours() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not your subscription",
                        "An account reads and edits only its own subscription."));
    }
}
