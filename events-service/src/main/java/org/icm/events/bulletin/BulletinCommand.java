package org.icm.events.bulletin;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.icm.kernel.vocabulary.BulletinKind;

/**
 * What participants and focal points ask of a bulletin. Edits and retractions name who asks: the author's
 * organisation may change its own bulletin; a focal point may change any (moderation).
 */
public sealed interface BulletinCommand {

    String bulletinId();

    record PostBulletin(@TargetAggregateIdentifier String bulletinId, BulletinKind kind, String title, String text,
                        List<String> dossierIds, String authorAccountId, String organisationId) implements BulletinCommand {
    }

    record EditBulletin(@TargetAggregateIdentifier String bulletinId, @TargetAggregateVersion Long expectedVersion, String title,
                        String text, List<String> dossierIds, String editorOrganisationId, boolean editorIsFocalPoint)
            implements BulletinCommand {
    }

    record RetractBulletin(@TargetAggregateIdentifier String bulletinId, @TargetAggregateVersion Long expectedVersion, String reason,
                           String editorOrganisationId, boolean editorIsFocalPoint) implements BulletinCommand {
    }
}
