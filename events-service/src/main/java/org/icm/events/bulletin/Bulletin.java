package org.icm.events.bulletin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.events.bulletin.BulletinCommand.*;
import org.icm.events.bulletin.BulletinEvent.*;
import org.icm.events.common.Checks;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;

/** A short update shared with all participants; its author's organisation (or a focal point) edits or retracts it. */
@Aggregate
public class Bulletin {

    public static final int TEXT_MAX = 5_000;

    @AggregateIdentifier
    private String bulletinId;
    private BulletinState state = BulletinState.NONE;

    protected Bulletin() {
    }

    @CommandHandler
    public Bulletin(PostBulletin command) {
        Inputs.required("id", command.bulletinId());
        apply(new BulletinPosted(command.bulletinId(), Inputs.required("kind", command.kind()),
                Inputs.text("title", command.title(), Checks.TITLE_MAX), Inputs.paragraphs("text", command.text(), TEXT_MAX),
                Checks.ids("dossierIds", command.dossierIds()), Inputs.required("authorAccountId", command.authorAccountId()),
                Inputs.required("organisationId", command.organisationId())));
    }

    @CommandHandler
    public long handle(EditBulletin command) {
        requireChangeableBy(command.editorOrganisationId(), command.editorIsFocalPoint());
        String title = Inputs.text("title", command.title(), Checks.TITLE_MAX);
        String text = Inputs.paragraphs("text", command.text(), TEXT_MAX);
        List<String> dossierIds = Checks.ids("dossierIds", command.dossierIds());
        if (title.equals(state.title()) && text.equals(state.text()) && dossierIds.equals(state.dossierIds())) {
            return AggregateLifecycle.getVersion(); // changes nothing: the history records only real changes
        }
        apply(new BulletinEdited(bulletinId, title, text, dossierIds));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RetractBulletin command) {
        requireChangeableBy(command.editorOrganisationId(), command.editorIsFocalPoint());
        apply(new BulletinRetracted(bulletinId, Inputs.optionalParagraphs("reason", command.reason(), Checks.NOTE_MAX)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(BulletinEvent event) {
        if (event instanceof BulletinPosted posted) {
            bulletinId = posted.bulletinId();
        }
        state = state.apply(event);
    }

    private void requireChangeableBy(String organisationId, boolean focalPoint) {
        if (!focalPoint && !state.organisationId().equals(organisationId)) {
            throw RuleViolation.notAllowed("not-your-bulletin", "only the author's organisation or a focal point may change this bulletin");
        }
        if (state.retracted()) {
            throw RuleViolation.conflict("bulletin-retracted", "the bulletin has been retracted");
        }
    }
}
