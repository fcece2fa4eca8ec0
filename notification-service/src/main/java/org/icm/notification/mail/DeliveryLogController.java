package org.icm.notification.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.icm.service.tracing.TraceContexts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log of e-mails, for focal points who run the network: what was sent, what is stuck, why. */
@RestController
@Tag(name = "deliveries")
public class DeliveryLogController {

    /**
     * A line of the log: no mail body, only what an operator needs; {@code traceId}: the trace of what caused the mail
     * (a change made on the platform), to look up in the trace viewer, or null (digests, reminders).
     */
    public record LogEntry(String id, String accountId, String to, String subject, Delivery.Status status, int attempts,
                           String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String traceId) {
    }

    private final Outbox outbox;

    public DeliveryLogController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/deliveries")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "The delivery log, newest first, optionally of one account or one status (focal points only)")
    public List<LogEntry> log(@RequestParam(required = false) String accountId, @RequestParam(required = false) Delivery.Status status,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return outbox.log(accountId, status, page, size).stream()
                .map(d -> new LogEntry(d.id(), d.accountId(), d.to(), d.subject(), d.status(), d.attempts(), d.lastError(),
                        d.createdAt(), d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.sentAt(),
                        TraceContexts.traceId(d.traceparent())))
                .toList();
    }
}
