package org.icm.events.euevent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.events.common.Checks;
import org.icm.service.rules.FieldChecks;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;
import org.icm.events.euevent.EuEventCommand.*;
import org.icm.events.euevent.EuEventEvent.*;
import org.icm.kernel.vocabulary.EuInstitution;

/** A hearing, conference or briefing of an EU institution that focal points announce to the network. */
@Aggregate
public class EuEvent {

    @AggregateIdentifier
    private String euEventId;
    private EuEventState state = EuEventState.NONE;

    protected EuEvent() {
    }

    @CommandHandler
    public EuEvent(AnnounceEuEvent command) {
        Inputs.required("id", command.euEventId());
        Fields f = fields(command.fields());
        apply(new EuEventAnnounced(command.euEventId(), f.institution, f.title, f.startsAt, f.endsAt, f.zone, f.link, f.dossierIds));
    }

    @CommandHandler
    public long handle(UpdateEuEvent command) {
        requireNotCancelled();
        Fields f = fields(command.fields());
        if (f.equals(new Fields(state.institution(), state.title(), state.startsAt(), state.endsAt(), state.timeZone(), state.link(),
                state.dossierIds()))) {
            return AggregateLifecycle.getVersion(); // changes nothing: the history records only real changes
        }
        apply(new EuEventUpdated(euEventId, f.institution, f.title, f.startsAt, f.endsAt, f.zone, f.link, f.dossierIds));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CancelEuEvent command) {
        requireNotCancelled();
        apply(new EuEventCancelled(euEventId, Inputs.paragraphs("reason", command.reason(), Checks.NOTE_MAX)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(EuEventEvent event) {
        if (event instanceof EuEventAnnounced announced) {
            euEventId = announced.euEventId();
        }
        state = state.apply(event);
    }

    private record Fields(EuInstitution institution, String title, Instant startsAt, Instant endsAt, String zone, String link,
                          List<String> dossierIds) {
    }

    /** The fields, checked; a refusal names every bad field at once. */
    private static Fields fields(EuEventFields fields) {
        Inputs.required("body", fields);
        FieldChecks checks = new FieldChecks();
        EuInstitution institution = checks.check(() -> Inputs.required("institution", fields.institution()));
        String title = checks.check(() -> Inputs.text("title", fields.title(), Checks.TITLE_MAX));
        ZoneId zone = checks.check(() -> Checks.zone("timeZone", fields.timeZone()));
        ZonedDateTime start = zone == null ? null : checks.check(() -> Checks.at("start", fields.start(), zone));
        ZonedDateTime end = zone == null || fields.end() == null ? null : checks.check(() -> Checks.at("end", fields.end(), zone));
        if (start != null && end != null && !end.isAfter(start)) {
            checks.refuse(RuleViolation.invalid("end", "end-before-start", "the EU event must end after it starts (" + fields.start() + ")"));
        }
        String link = checks.check(() -> Checks.link("link", fields.link()));
        List<String> dossierIds = checks.check(() -> Checks.ids("dossierIds", fields.dossierIds()));
        checks.done();
        return new Fields(institution, title, start.toInstant(), end == null ? null : end.toInstant(), zone.getId(), link, dossierIds);
    }

    private void requireNotCancelled() {
        if (state.cancelled()) {
            throw RuleViolation.conflict("eu-event-cancelled", "the EU event is cancelled (" + state.cancellationReason() + ")");
        }
    }
}
