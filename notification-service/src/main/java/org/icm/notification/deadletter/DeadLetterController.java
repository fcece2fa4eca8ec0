package org.icm.notification.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.icm.service.security.Actor;
import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters for focal points, who run the network: what this service could not handle, and what to do about it.
 * The gateway serves these at {@code /admin/notifications/dead-letters}, as it does the delivery log.
 */
@RestController
@Tag(name = "dead-letters")
@PreAuthorize("hasRole('FOCAL_POINT')")
public class DeadLetterController {

    public record DeadLetterPage(List<DeadLetter> items, int page, int size, long total) {
    }

    public record Discard(@NotBlank @Size(max = 1000) String reason) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Dead letters, newest first, optionally of one status (focal points only)")
    public DeadLetterPage list(@RequestParam(required = false) DeadLetter.Status status, @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return new DeadLetterPage(deadLetters.page(status, page, size), page, size, deadLetters.count(status));
    }

    @GetMapping("/dead-letters/{id}")
    @Operation(summary = "One dead letter, with its payload, original headers and error (focal points only)")
    public DeadLetter show(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(() -> new DeadLetters.Refused(true, "There is no dead letter " + id + "."));
    }

    @PostMapping("/dead-letters/{id}/redrive")
    @Operation(summary = "Publishes a waiting dead letter again to its original topic, with its key and headers (focal points only)",
            description = "The normal listener then handles it, idempotent by CloudEvents id; if it fails again it becomes a new dead letter.")
    public DeadLetter redrive(Actor actor, @PathVariable String id) {
        return deadLetters.redrive(id, actor.account().toString());
    }

    @PostMapping("/dead-letters/{id}/discard")
    @Operation(summary = "Sets a waiting dead letter aside for good, saying why (focal points only)")
    public DeadLetter discard(Actor actor, @PathVariable String id, @Valid @RequestBody Discard discard) {
        return deadLetters.discard(id, actor.account().toString(), discard.reason().strip());
    }

    @ExceptionHandler(DeadLetters.NotSent.class)
    ResponseEntity<ProblemDetail> notSent(DeadLetters.NotSent notSent) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Not redriven", notSent.getMessage());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(DeadLetters.Refused.class)
    ResponseEntity<ProblemDetail> refused(DeadLetters.Refused refused) {
        ProblemDetail problem = refused.missing()
                ? Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such dead letter", refused.getMessage())
                : Problems.of(HttpStatus.CONFLICT, "dead-letter-not-waiting", "The dead letter is no longer waiting", refused.getMessage());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
