package org.icm.events.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.events.common.Checks;
import org.icm.service.rules.FieldChecks;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;
import org.icm.events.consultation.ConsultationCommand.*;
import org.icm.events.consultation.ConsultationEvent.*;

/**
 * A European Commission consultation ICM follows. Closing is a command like any other: the closing job
 * sends it when the deadline has passed; a second close (another instance, a retry) is refused here, and
 * two racing closes meet at the event store's unique (aggregate, sequence) index, so exactly one
 * ConsultationClosed is ever stored.
 */
@Aggregate
public class Consultation {

    private static final Pattern DIRECTORATE_GENERAL = Pattern.compile("[A-Z][A-Z0-9_-]{1,15}");

    @AggregateIdentifier
    private String consultationId;
    private ConsultationState state = ConsultationState.NONE;

    protected Consultation() {
    }

    @CommandHandler
    public Consultation(OpenConsultation command) {
        Inputs.required("id", command.consultationId());
        // every bad field at once, so the focal point corrects the form in one go
        FieldChecks checks = new FieldChecks();
        var type = checks.check(() -> Inputs.required("type", command.type()));
        String dg = checks.check(() -> directorateGeneral(command.directorateGeneral()));
        String title = checks.check(() -> Inputs.text("title", command.title(), Checks.TITLE_MAX));
        String link = checks.check(() -> Checks.link("link", command.link()));
        Instant opensAt = checks.check(() -> Inputs.required("opensAt", command.opensAt()));
        Instant closesAt = opensAt == null ? null : checks.check(() -> deadline(opensAt, command.closesAt(), command.now()));
        String dossierId = checks.check(() -> Inputs.optionalText("dossierId", command.dossierId(), Checks.ID_MAX));
        String measureId = checks.check(() -> Inputs.optionalText("measureId", command.measureId(), Checks.ID_MAX));
        if (measureId != null && dossierId == null && isBlank(command.dossierId())) {
            checks.refuse(RuleViolation.invalid("measureId", "measure-needs-dossier", "a linked measure needs the dossier it belongs to"));
        }
        checks.done();
        apply(new ConsultationOpened(command.consultationId(), type, dg, title, link, opensAt, closesAt, dossierId, measureId));
    }

    @CommandHandler
    public long handle(ChangeConsultationDeadline command) {
        requireOpen();
        Instant closesAt = deadline(state.opensAt(), command.closesAt(), command.now());
        if (closesAt.equals(state.closesAt())) {
            return version(); // changes nothing: the history records only real changes
        }
        apply(new ConsultationDeadlineChanged(consultationId, closesAt));
        return version();
    }

    @CommandHandler
    public long handle(PlanJointResponse command) {
        requireOpen();
        if (state.jointResponseLead() != null) {
            throw RuleViolation.conflict("joint-response-planned", "a joint response led by " + state.jointResponseLead() + " is planned already");
        }
        apply(new JointResponsePlanned(consultationId, Inputs.text("leadOrganisation", command.leadOrganisation(), Checks.NAME_MAX)));
        return version();
    }

    /** Recorded also after the close: the response went in before the deadline, the record may come later. */
    @CommandHandler
    public long handle(RecordJointResponseSubmitted command) {
        if (state.jointResponseLead() == null) {
            throw RuleViolation.conflict("no-joint-response-planned", "no joint response is planned for this consultation");
        }
        if (state.jointResponseLink() != null) {
            throw RuleViolation.conflict("joint-response-submitted", "the joint response is recorded as submitted already");
        }
        apply(new JointResponseSubmitted(consultationId, Checks.link("link", command.link())));
        return version();
    }

    @CommandHandler
    public long handle(CloseConsultation command) {
        requireOpen();
        Instant now = Inputs.required("now", command.now());
        if (now.isBefore(state.closesAt())) {
            throw RuleViolation.conflict("deadline-not-passed", "the consultation is open until " + state.closesAt());
        }
        apply(new ConsultationClosed(consultationId, now));
        return version();
    }

    @EventSourcingHandler
    void on(ConsultationEvent event) {
        if (event instanceof ConsultationOpened opened) {
            consultationId = opened.consultationId();
        }
        state = state.apply(event);
    }

    private static String directorateGeneral(String value) {
        String dg = Inputs.text("directorateGeneral", value, Checks.DG_MAX).toUpperCase(java.util.Locale.ROOT);
        if (!DIRECTORATE_GENERAL.matcher(dg).matches()) {
            throw RuleViolation.invalid("directorateGeneral", "malformed-directorate-general",
                    "'" + value + "' is not a Directorate-General such as HOME or JUST");
        }
        return dg;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant deadline(Instant opensAt, Instant closesAt, Instant now) {
        Inputs.required("closesAt", closesAt);
        if (!closesAt.isAfter(opensAt)) {
            throw RuleViolation.invalid("closesAt", "closes-before-opens", "the feedback period must close after it opens (" + opensAt + ")");
        }
        if (!closesAt.isAfter(Inputs.required("now", now))) {
            throw RuleViolation.invalid("closesAt", "deadline-in-past", "the deadline " + closesAt + " has passed already");
        }
        return closesAt;
    }

    private void requireOpen() {
        if (state.closed()) {
            throw RuleViolation.conflict("consultation-closed", "the consultation closed at " + state.closedAt());
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
