package org.icm.kernel.events.calendar;

import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.BulletinKind;

/**
 * A participant or a focal point shared a bulletin with all participants (members only).
 *
 * @param dossierIds the dossiers it is about; may be empty
 */
public record BulletinPosted(String bulletinId,
                             BulletinKind kind,
                             String title,
                             @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                             String authorAccountId,
                             String organisationId, List<String> dossierIds) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return bulletinId;
    }
}
