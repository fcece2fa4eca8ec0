package org.icm.events.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.service.rules.RuleViolation;
import org.icm.events.consultation.ConsultationCommand.CloseConsultation;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.scheduling.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes consultations whose deadline has passed. Every instance of the service runs it; none needs a lock:
 * the read model only says which consultations to try, and the aggregate decides. A consultation another
 * instance (or an earlier run) closed already refuses the command, and two instances closing the same one
 * at the same moment meet at the event store's unique (aggregate, sequence) index, which refuses the
 * second append. Either way exactly one ConsultationClosed is stored.
 */
@Component
public class ConsultationClosing {

    static final String ACCOUNT = "events-service:consultation-closing";
    private static final Logger log = LoggerFactory.getLogger(ConsultationClosing.class);

    private final CalendarReadModel readModel;
    private final CommandGateway commands;
    private final Clock clock;
    private final ScheduledJobs jobs;

    public ConsultationClosing(CalendarReadModel readModel, CommandGateway commands, Clock clock, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.readModel = readModel;
        this.commands = commands;
        this.clock = clock;
    }

    /** One instance at a time: the others would only send commands that are refused. */
    @Scheduled(fixedDelayString = "${icm.events.consultation-closing.interval:PT1M}",
            initialDelayString = "${icm.events.consultation-closing.initial-delay:PT10S}")
    void closeDueAlone() {
        jobs.runAlone("consultation-closing", Duration.ofMinutes(10), this::closeDue);
    }

    /** @return how many consultations this run closed */
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (String consultationId : readModel.consultationsDueToClose(now)) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CloseConsultation(consultationId, now))
                        .andMetaData(MetaData.with(AuditMetaData.ACCOUNT, ACCOUNT)));
                closed++;
            } catch (RuleViolation | ConcurrencyException e) {
                // closed by another instance or an earlier run, the read model had not caught up yet: nothing to do
                log.debug("consultation {} not closed by this run: {}", consultationId, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("could not close consultation {}; the next run tries again", consultationId, e);
            }
        }
        return closed;
    }
}
