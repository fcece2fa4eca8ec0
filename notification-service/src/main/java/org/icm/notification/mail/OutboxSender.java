package org.icm.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.icm.notification.NotificationProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.icm.service.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox over SMTP. A failed attempt is logged on the delivery and tried again later, the wait
 * doubling each time up to a maximum; after the configured number of attempts the delivery is FAILED. Every mail is
 * multipart (plain text and HTML) and carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** Longer than one SMTP conversation takes: a mail being sent is not taken by another sender meanwhile. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TraceContexts traces;

    public OutboxSender(Outbox outbox, JavaMailSender mail, NotificationProperties properties, Clock clock, MeterRegistry meters,
                        TraceContexts traces) {
        this.traces = traces;
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("icm.mails.pending", outbox, waiting -> waiting.count(Delivery.Status.PENDING))
                .description("mails waiting to be sent, retries included").register(meters);
    }

    @Scheduled(fixedDelayString = "${icm.notification.mail-poll:1s}")
    public void sendDue() {
        for (int i = 0; i < BATCH; i++) {
            Optional<Delivery> next = outbox.takeNextDue(LEASE);
            if (next.isEmpty()) {
                return;
            }
            Delivery delivery = next.get();
            // in the trace of what caused the mail (a click on the platform, through Kafka), when it came from one
            Map<String, String> cause = delivery.traceparent() == null ? Map.of() : Map.of(TraceContexts.TRACEPARENT, delivery.traceparent());
            traces.inSpan("send mail", Span.Kind.CLIENT, cause, () -> send(delivery));
        }
    }

    private void send(Delivery delivery) {
        try {
            mail.send(message(delivery));
            outbox.sent(delivery);
            attempted("sent");
            log.info("mail {} sent to account {}", delivery.id(), delivery.accountId());
        } catch (MailException | MessagingException e) {
            int attempts = delivery.attempts() + 1;
            boolean giveUp = attempts >= properties.mailMaxAttempts();
            log.warn("mail {} to {} failed (attempt {}{}): {}", delivery.id(), delivery.accountId(), attempts, giveUp ? ", giving up" : "",
                    e.getMessage());
            outbox.failed(delivery, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    clock.instant().plus(properties.retryDelay(attempts)), giveUp);
            attempted(giveUp ? "failed" : "retry");
        }
    }

    /** {@code icm.mails}: each attempt to send, by outcome (sent; retry: will be tried again; failed: given up). */
    private void attempted(String outcome) {
        meters.counter("icm.mails", "outcome", outcome).increment();
    }

    private MimeMessage message(Delivery delivery) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(delivery.to());
        helper.setSubject(delivery.subject());
        helper.setText(delivery.text(), delivery.html());
        String listUnsubscribe = "<" + delivery.unsubscribeUrl() + ">";
        if (properties.unsubscribeMailto() != null && !properties.unsubscribeMailto().isBlank()) {
            listUnsubscribe += ", <mailto:" + properties.unsubscribeMailto() + "?subject=unsubscribe%20" + delivery.accountId() + ">";
        }
        message.setHeader("List-Unsubscribe", listUnsubscribe);
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // lets a receiving server and a reader of the delivery log match a mail to its delivery
        message.setHeader("X-ICM-Delivery", delivery.id());
        return message;
    }
}
